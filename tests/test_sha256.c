/*
 * test_sha256: the hash that knows a document by its content (notes
 * follow it), against FIPS 180-4's examples, on both paths (the
 * processor's SHA instructions where it has them, and the portable one),
 * fed whole and in odd pieces.
 */
#include "unit.h"
#include "sha256.h"

static const struct {
	const char	*in;
	size_t		 repeat;
	const char	*hex;
} vectors[] = {
	{ "", 1,
	  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abc", 1,
	  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "a", 1000000,
	  "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
};

/* The hash of s repeated, fed in pieces of step bytes (0: at once). */
static void
hash(const char *s, size_t repeat, size_t step, char out[65])
{
	struct sha256	c;
	size_t		n = strlen(s) * repeat, i, k;
	char		*buf = malloc(n + 1);

	for (i = 0; i < repeat; i++)
		memcpy(buf + i * strlen(s), s, strlen(s));
	sha256_init(&c);
	for (i = 0; i < n; i += k) {
		k = step == 0 || n - i < step ? n - i : step;
		sha256_update(&c, buf + i, k);
	}
	sha256_final_hex(&c, out);
	free(buf);
}

static void
test_vectors(void **state)
{
	static const size_t	steps[] = { 0, 1, 63, 64, 65, 1000 };
	char			out[65];
	size_t			i, k;
	int			portable;

	for (portable = 0; portable < 2; portable++) {
		sha256_use_portable(portable);
		for (i = 0; i < sizeof vectors / sizeof *vectors; i++)
			for (k = 0; k < sizeof steps / sizeof *steps; k++) {
				hash(vectors[i].in, vectors[i].repeat,
				    steps[k], out);
				assert_string_equal(out, vectors[i].hex);
			}
	}
	sha256_use_portable(0);
}

/* Both paths agree on every length from 0 to 300 of varied bytes. */
static void
test_paths_agree(void **state)
{
	unsigned char	buf[300];
	char		a[65], b[65];
	size_t		n;
	unsigned	seed = 7;

	for (n = 0; n < sizeof buf; n++) {
		seed = seed * 1103515245 + 12345;
		buf[n] = (unsigned char)(seed >> 16);
	}
	for (n = 0; n <= sizeof buf; n++) {
		sha256_use_portable(0);
		sha256_hex(buf, n, a);
		sha256_use_portable(1);
		sha256_hex(buf, n, b);
		assert_string_equal(a, b);
	}
	sha256_use_portable(0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_paths_agree),
	};

	return UNIT_RUN(tests);
}
