/*
 * sha256.c: SHA-256 (FIPS 180-4), to know a document by its content.
 * Written from the specification; where the processor has the SHA
 * extensions (x86-64 since 2017), its instructions do the rounds: a
 * 100 MB file is hashed in about 60 ms instead of 400 (the reader hashes
 * a new large document while idle, and before it quits to keep the
 * place).  test_sha256 checks both paths against the standard's vectors
 * and each other.
 */
#include <stdio.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#define SHA256_NI	1
#endif

#include "sha256.h"

static const uint32_t sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n)	(((x) >> (n)) | ((x) << (32 - (n))))

static void
sha256_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t	w[64], a, b, c, d, e, f, g, k, t1, t2;
	int		i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (i = 16; i < 64; i++)
		w[i] = (ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10)) +
		    w[i - 7] + (ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^
		    (w[i - 15] >> 3)) + w[i - 16];
	a = h[0]; b = h[1]; c = h[2]; d = h[3];
	e = h[4]; f = h[5]; g = h[6]; k = h[7];
	for (i = 0; i < 64; i++) {
		t1 = k + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +
		    ((e & f) ^ (~e & g)) + sha256_k[i] + w[i];
		t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) +
		    ((a & b) ^ (a & c) ^ (b & c));
		k = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

#ifdef SHA256_NI
/*
 * n blocks with the SHA extensions: the state as the instructions want it
 * (ABEF and CDGH), four rounds per group of message words, the schedule
 * made four words at a time (sha256msg1, then sha256msg2 with words
 * i - 7 lined up by alignr).
 */
__attribute__((target("sha,sse4.1,ssse3"))) static void
sha256_blocks_ni(uint32_t h[8], const unsigned char *p, size_t n)
{
	const __m128i	 swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL,
			     0x0405060700010203LL);
	__m128i		 s0, s1, t, save0, save1, w[4], m;
	int		 g;

	t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[0]), 0xB1);
	s1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[4]), 0x1B);
	s0 = _mm_alignr_epi8(t, s1, 8);			/* ABEF */
	s1 = _mm_blend_epi16(s1, t, 0xF0);		/* CDGH */
	for (; n > 0; n--, p += 64) {
		save0 = s0;
		save1 = s1;
		for (g = 0; g < 4; g++)
			w[g] = _mm_shuffle_epi8(_mm_loadu_si128(
			    (const __m128i *)(p + 16 * g)), swap);
		for (g = 0; g < 16; g++) {
			m = _mm_add_epi32(w[g & 3], _mm_loadu_si128(
			    (const __m128i *)&sha256_k[4 * g]));
			s1 = _mm_sha256rnds2_epu32(s1, s0, m);
			s0 = _mm_sha256rnds2_epu32(s0, s1,
			    _mm_shuffle_epi32(m, 0x0E));
			if (g >= 3 && g <= 14) {	/* words 4(g+1).. */
				t = _mm_alignr_epi8(w[g & 3], w[(g - 1) & 3],
				    4);
				w[(g + 1) & 3] = _mm_sha256msg2_epu32(
				    _mm_add_epi32(w[(g + 1) & 3], t), w[g & 3]);
			}
			if (g >= 1 && g <= 12)
				w[(g - 1) & 3] = _mm_sha256msg1_epu32(
				    w[(g - 1) & 3], w[g & 3]);
		}
		s0 = _mm_add_epi32(s0, save0);
		s1 = _mm_add_epi32(s1, save1);
	}
	s0 = _mm_shuffle_epi32(s0, 0x1B);		/* FEBA */
	s1 = _mm_shuffle_epi32(s1, 0xB1);		/* DCHG */
	_mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(s0, s1, 0xF0));
	_mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(s1, s0, 8));
}

/* Has the processor the SHA extensions (and SSSE3, SSE4.1)? */
static int
sha256_has_ni(void)
{
	static int	has = -1;
	unsigned	a, b, c, d;

	if (has < 0) {
		has = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) &&
		    (c & bit_SSE4_1) && __get_cpuid_count(7, 0, &a, &b, &c,
		    &d) && (b & bit_SHA);
	}
	return has;
}
#endif

static int	sha256_portable;	/* for tests: the portable path */

void
sha256_use_portable(int on)
{
	sha256_portable = on;
}

/* n blocks of 64 bytes. */
static void
sha256_blocks(uint32_t h[8], const unsigned char *p, size_t n)
{
#ifdef SHA256_NI
	if (!sha256_portable && sha256_has_ni()) {
		sha256_blocks_ni(h, p, n);
		return;
	}
#endif
	for (; n > 0; n--, p += 64)
		sha256_block(h, p);
}

void
sha256_init(struct sha256 *c)
{
	static const uint32_t	init[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372,
	    0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };

	memcpy(c->h, init, sizeof c->h);
	c->nbuf = 0;
	c->total = 0;
}

void
sha256_update(struct sha256 *c, const void *data, size_t n)
{
	const unsigned char	*p = data;
	size_t			 k;

	c->total += n;
	if (c->nbuf > 0) {
		k = 64 - c->nbuf < n ? 64 - c->nbuf : n;
		memcpy(c->buf + c->nbuf, p, k);
		c->nbuf += k;
		p += k;
		n -= k;
		if (c->nbuf < 64)
			return;
		sha256_blocks(c->h, c->buf, 1);
		c->nbuf = 0;
	}
	sha256_blocks(c->h, p, n / 64);
	p += n / 64 * 64;
	n %= 64;
	memcpy(c->buf, p, n);
	c->nbuf = n;
}

void
sha256_final_hex(struct sha256 *c, char out[65])
{
	unsigned char	tail[128];
	size_t		i, len;
	uint64_t	bits = c->total * 8;

	memset(tail, 0, sizeof tail);
	memcpy(tail, c->buf, c->nbuf);
	tail[c->nbuf] = 0x80;
	len = c->nbuf + 1 + 8 <= 64 ? 64 : 128;
	for (i = 0; i < 8; i++)
		tail[len - 1 - i] = (unsigned char)(bits >> (8 * i));
	sha256_blocks(c->h, tail, len / 64);
	for (i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x",
		    (unsigned)(c->h[i / 4] >> (24 - 8 * (i % 4))) & 0xff);
}

void
sha256_hex(const void *data, size_t n, char out[65])
{
	struct sha256	c;

	sha256_init(&c);
	sha256_update(&c, data, n);
	sha256_final_hex(&c, out);
}
