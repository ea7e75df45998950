/*
 * segment.c: split plain text into blocks (the rules are in segment.h).
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include <unistr.h>

#include "aozora.h"
#include "buf.h"
#include "gloss.h"
#include "heading.h"
#include "segment.h"
#include "srcline.h"
#include "width.h"
#include "xmalloc.h"

#define SEG_WINDOW	256	/* lines of a chunk classified together */
#define SEG_SAMPLE	4000	/* lines measured for the document's habits */
#define SEG_SAMPLE_BYTES (256 * 1024)	/* ... within the first bytes */
#define SEG_GLOSS_SAMPLE (64 * 1024)	/* bytes where glosses are sought */
#define SEG_ONE_LINE	200	/* columns beyond which a line is never wrapped */
#define SEG_MIN_WRAP	20	/* columns of a hard-wrapped CJK line, at least */

struct seg_line {
	struct srcline	raw;
	size_t		toff;	/* trimmed text */
	size_t		tlen;
	const char	*t;	/* the trimmed text as shown (glosses hidden) */
	size_t		tn;
	int		indent;	/* leading columns */
	int		spaces;	/* leading ASCII spaces */
	int		width;	/* estimated columns of the trimmed text */
	uint32_t	first;
	uint32_t	last;
};

struct seg {
	const char	*s;
	size_t		 n;
	struct blocks	*out;
	int		 cjk_wrap;	/* habits: see struct seg_habits */
	int		 latin_wrap;
	int		 indent_paras;
	int		 kept;
	int		 aozora;
	int		 glosses;	/* pinyin glosses seen in the sample */
	int		 space;		/* blank lines before the next block */
	long		 cur;		/* open block that may grow, or -1 */
	size_t		 first;		/* the piece's first block */
	int		 none_before;	/* no block before the piece: its first
					   line may be the document's title */
	struct seg_line	 prev;		/* the last line of cur */
	char		**owned;	/* texts of lines without their glosses */
	size_t		 nowned;
};

struct block *
blocks_add(struct blocks *b, int type, uint64_t off, uint64_t end, int flags)
{
	struct block	*k;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->v = xreallocarray(b->v, b->cap, sizeof *b->v);
	}
	k = &b->v[b->n++];
	k->off = off;
	k->len = (uint32_t)(end - off);
	k->type = type;
	k->level = 0;
	k->flags = flags;
	k->depth = 0;
	return k;
}

/* Frees the gloss-free copies of lines. */
static void
seg_free_owned(struct seg *g)
{
	while (g->nowned > 0)
		free(g->owned[--g->nowned]);
	free(g->owned);
	g->owned = NULL;
}

/*
 * The text of a line as the reader shows it: a line with pinyin glosses
 * (進(jìn)步) is measured and classified without them.
 */
static void
seg_visible(struct seg *g, struct seg_line *l)
{
	struct buf	b, c;
	size_t		hidden = 0;

	l->t = g->s + l->toff;
	l->tn = l->tlen;
	if (l->tlen < 4)
		return;
	buf_init(&b);
	if (g->aozora) {	/* 吾輩《わがはい》, ［＃...］ */
		hidden = aozora_strip(l->t, l->tn, &b);
		l->t = b.s != NULL ? b.s : l->t;
		l->tn = b.len;
	}
	if (g->glosses && gloss_may(l->t, l->tn)) {
		buf_init(&c);
		if (gloss_strip(l->t, l->tn, &c) > 0) {
			buf_free(&b);
			b = c;
			hidden++;
		} else
			buf_free(&c);
	}
	if (hidden == 0) {
		buf_free(&b);
		l->t = g->s + l->toff;
		l->tn = l->tlen;
		return;
	}
	g->owned = xgrow_one(g->owned, g->nowned, sizeof *g->owned);
	g->owned[g->nowned++] = b.s;
	l->t = b.s != NULL ? b.s : "";
	l->tn = b.len;
}

static void
seg_read(struct seg *g, size_t pos, struct seg_line *l)
{
	size_t	i;

	srcline_read(g->s, g->n, pos, &l->raw);
	l->toff = l->raw.off;
	l->tlen = l->raw.len;
	l->indent = srcline_trim(g->s, &l->toff, &l->tlen);
	for (i = l->raw.off; i < l->toff && g->s[i] == ' '; i++)
		;
	l->spaces = (int)(i - l->raw.off);
	seg_visible(g, l);
	l->width = srcline_width(l->t, l->tn);
	l->first = srcline_first(l->t, l->tn);
	l->last = srcline_last(l->t, l->tn);
}

/* Closing quotes and brackets that may follow a sentence end. */
static int
seg_closing(uint32_t c)
{
	return c == 0x300D || c == 0x300F || c == 0x201D || c == 0x2019 ||
	    c == 0xFF09 || c == '"' || c == '\'' || c == ')';
}

static int
seg_ends_sentence(const struct seg *g, const struct seg_line *l)
{
	return heading_ends_sentence(l->t, l->tn);
}

/* Does the line end a sentence, so that a CJK paragraph may end here? */
static int
seg_ends_para(const struct seg *g, const struct seg_line *l)
{
	const uint8_t	*e = (const uint8_t *)l->t + l->tn;
	const uint8_t	*p = (const uint8_t *)l->t;
	uint32_t	 c = 0;
	int		 k;

	for (k = 0; k < 2 && e > p; k++) {
		const uint8_t *q = u8_prev(&c, e, p);

		if (q == NULL)
			return 0;
		e = q;
		if (!seg_closing(c))
			break;
	}
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '.' ||
	    c == '!' || c == '?' || c == 0x2026 || c == 0xFF0E ||
	    c == 0xFF1A || c == ':';
}

/* A man page section heading: NAME, SYNOPSIS (capitals at the margin). */
static int
seg_is_man_heading(const struct seg_line *l)
{
	size_t	i;

	if (l->indent != 0 || l->tn == 0 || l->tn > 30)
		return 0;
	for (i = 0; i < l->tn; i++)
		if (!isupper((unsigned char)l->t[i]) && l->t[i] != ' ' &&
		    l->t[i] != '-')
			return 0;
	return isupper((unsigned char)l->t[0]);
}

/* "commit" and a hash: the first line of git log. */
static int
seg_is_commit(const struct seg_line *l)
{
	size_t	i;

	if (l->indent != 0 || l->tn < 14 || memcmp(l->t, "commit ", 7) != 0)
		return 0;
	for (i = 7; i < l->tn && isxdigit((unsigned char)l->t[i]); i++)
		;
	return i >= 14 && (i == l->tn || l->t[i] == ' ');
}

/*
 * Text a program laid out: git log (its first line), a man page (two
 * section headings in capitals with indented text right below them).
 */
static int
seg_detect_kept(struct seg *g)
{
	struct seg_line	l, prev;
	size_t		pos = 0, lines = 0;
	int		heads = 0, have_prev = 0;

	while (pos < g->n && lines < 80) {
		seg_read(g, pos, &l);
		pos = l.raw.next;
		if (l.tlen == 0) {
			have_prev = 0;
			continue;
		}
		if (lines++ == 0 && seg_is_commit(&l))
			return SEG_KEEP;
		if (have_prev && seg_is_man_heading(&prev) && l.indent >= 3)
			heads++;
		prev = l;
		have_prev = 1;
	}
	return heads >= 2 ? SEG_KEEP_MAN : SEG_REFLOW;
}

/* Measures the document's habits on its first lines. */
static void
seg_habits(struct seg *g)
{
	static int	hist[SEG_ONE_LINE + 1];
	struct seg_line	l;
	size_t		pos = 0, lines = 0, cjk = 0, indented = 0, latin = 0;
	int		w, best = 0, sum, long_latin = 0;

	memset(hist, 0, sizeof hist);
	g->aozora = aozora_detect(g->s, g->n);
	g->glosses = gloss_count(g->s, g->n < SEG_GLOSS_SAMPLE ? g->n :
	    SEG_GLOSS_SAMPLE, 1) > 0;
	while (pos < g->n && lines < SEG_SAMPLE && pos < SEG_SAMPLE_BYTES) {
		seg_read(g, pos, &l);
		pos = l.raw.next;
		if (l.tlen == 0)
			continue;
		lines++;
		indented += l.indent > 0;
		if (width_is_cjk(l.last) && l.width >= 20 && l.width <= 160) {
			hist[l.width]++;
			cjk++;
		} else if (l.first < 0x80 && l.width >= 50 && l.width <= 120) {
			latin++;
			if (l.width > long_latin)
				long_latin = l.width;
		}
	}
	g->indent_paras = lines > 0 && indented * 10 >= lines;
	g->latin_wrap = latin >= 5 ? long_latin : 0;
	for (w = 22; w <= 160; w++) {
		sum = hist[w] + hist[w - 1] + hist[w - 2];
		if (sum > best) {
			best = sum;
			g->cjk_wrap = w;
		}
	}
	if (best < 5 || (size_t)best * 10 < cjk * 3)
		g->cjk_wrap = 0;
	g->kept = seg_detect_kept(g);
}

/* Flags for a new block: was there a blank line before it? */
static int
seg_flags(struct seg *g)
{
	int	f = g->space ? BLOCK_SPACE : 0;

	g->space = 0;
	return f;
}

/* A place to cut a long line: after a sentence end near the limit. */
static size_t
seg_cut(const struct seg *g, size_t from, size_t end)
{
	size_t	limit = from + SEGMENT_MAX_BLOCK, i;

	if (end - from <= SEGMENT_MAX_BLOCK)
		return end;
	for (i = limit; i > from + SEGMENT_MAX_BLOCK / 2; i--) {
		if (memcmp(g->s + i - 3, "。", 3) == 0 || g->s[i - 1] == '.' ||
		    memcmp(g->s + i - 3, "！", 3) == 0 ||
		    memcmp(g->s + i - 3, "？", 3) == 0)
			return i;
	}
	while ((g->s[limit] & 0xC0) == 0x80)
		limit--;
	return limit;
}

/* Emits a block over one line, cut into pieces if it is very long. */
static struct block *
seg_emit(struct seg *g, int type, const struct seg_line *l, int flags)
{
	struct block	*b;
	size_t		 off = l->raw.off, end = l->raw.next, cut;

	for (;;) {
		cut = seg_cut(g, off, end);
		b = blocks_add(g->out, type, off, cut, flags);
		if (cut == end)
			break;
		off = cut;
		flags = BLOCK_CONT;
	}
	g->cur = (long)g->out->n - 1;
	g->prev = *l;
	return b;
}

static void
seg_heading(struct seg *g, const struct seg_line *l, int rank, int flags)
{
	struct block	*b;

	b = blocks_add(g->out, BLOCK_HEADING, l->raw.off, l->raw.next,
	    seg_flags(g) | flags);
	b->level = rank;
	g->cur = -1;
}

/* Extends the open block by one line, unless it would grow too large. */
static int
seg_extend(struct seg *g, const struct seg_line *l)
{
	struct block	*b = &g->out->v[g->cur];

	if (l->raw.next - b->off > SEGMENT_MAX_BLOCK)
		return 0;
	b->len = (uint32_t)(l->raw.next - b->off);
	g->prev = *l;
	return 1;
}

int
segment_is_rule(const char *s, size_t n)
{
	size_t	i, count = 0;
	char	c = 0;

	if (n >= 9 && memcmp(s, "───", 9) == 0) {
		for (i = 0; i + 3 <= n; i += 3)
			if (memcmp(s + i, "─", 3) != 0)
				return 0;
		return i == n;
	}
	for (i = 0; i < n; i++) {
		if (s[i] == ' ')
			continue;
		if (c == 0 && strchr("-*_=~", s[i]) != NULL && s[i])
			c = s[i];
		if (s[i] != c)
			return 0;
		count++;
	}
	return count >= 3;
}

size_t
segment_list_marker(const char *s, size_t n)
{
	size_t	i = 0;

	if (n >= 2 && strchr("-*+", s[0]) && s[0] && s[1] == ' ')
		return 2;
	if (n >= 4 && (memcmp(s, "• ", 4) == 0 || memcmp(s, "· ", 3) == 0))
		return s[0] == '\xC2' ? 3 : 4;
	while (i < n && i < 3 && isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || i >= n)
		return 0;
	if ((s[i] == '.' || s[i] == ')') && i + 1 < n && s[i + 1] == ' ')
		return i + 2;
	if ((s[i] == '.' || s[i] == ')') && i + 1 < n &&
	    !isdigit((unsigned char)s[i + 1]) && (unsigned char)s[i + 1] >= 0x80)
		return i + 1;
	if (n - i > 3 && memcmp(s + i, "、", 3) == 0)
		return i + 3;
	return 0;
}

/* Number of '>' marks at the start of a quoted line. */
static int
seg_quote_depth(const char *s, size_t n)
{
	size_t	i;
	int	depth = 0;

	for (i = 0; i < n && (s[i] == '>' || s[i] == ' '); i++)
		depth += s[i] == '>';
	return depth > 255 ? 255 : depth;
}

static int
seg_is_quote(const struct seg *g, const struct seg_line *l)
{
	return l->tlen > 0 && g->s[l->toff] == '>';
}

static const unsigned char seg_symbol[256] = {
	['+'] = 1, ['-'] = 1, ['|'] = 1, ['='] = 1, ['*'] = 1, ['#'] = 1,
	['_'] = 1, ['~'] = 1, ['<'] = 1, ['>'] = 1, ['/'] = 1, ['\\'] = 1,
	['^'] = 1,
};

/* A line drawn with symbols (ASCII art, boxes, table borders). */
static int
seg_is_art(const char *s, size_t n)
{
	size_t	i, sym = 0, other = 0;

	if (n >= 2 && s[0] == '|' && s[n - 1] == '|')
		return 1;
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (other >= 8 && (sym == 0 || sym + (n - i) < other))
			return 0;	/* running text: art starts with symbols,
					   and then keeps up with the rest */
		if (c == ' ')
			continue;
		if (c == 0xE2 && i + 1 < n && (unsigned char)s[i + 1] == 0x94) {
			sym++;	/* U+2500-253F box drawing */
			i += 2;
		} else if (seg_symbol[c])
			sym++;
		else if ((c & 0xC0) != 0x80)
			other++;
	}
	return sym >= 4 && sym >= other;
}

/*
 * A gap of three or more spaces inside the text: aligned columns.  From the
 * first space on, eight bytes at a time, a step of six so that every
 * three-byte window is seen whole in some word (prose has a space every few
 * bytes: a memchr for each one costs more than the line).
 */
static int
seg_has_gap(const char *s, size_t n)
{
	const uint64_t	lo7 = 0x7F7F7F7F7F7F7F7FULL, sp = 0x2020202020202020ULL;
	const char	*first = memchr(s, ' ', n);	/* CJK lines have none */
	uint64_t	x, m;
	size_t		i;

	if (first == NULL)
		return 0;
	for (i = (size_t)(first - s); i + 8 <= n; i += 6) {
		memcpy(&x, s + i, 8);
		x ^= sp;	/* a space is a zero byte */
		m = ~(((x & lo7) + lo7) | x | lo7);	/* bit 7 of each zero byte */
		if (m & (m >> 8) & (m >> 16))
			return 1;
	}
	for (; i + 2 < n; i++)
		if (s[i] == ' ' && s[i + 1] == ' ' && s[i + 2] == ' ')
			return 1;
	return 0;
}

static int
seg_is_verse(const struct seg *g, const struct seg_line *v, size_t k)
{
	size_t	i, upper = 0;

	if (g->latin_wrap < 50 || k < 2)
		return 0;
	for (i = 0; i < k; i++) {
		if (v[i].first >= 0x80 || v[i].width * 10 > g->latin_wrap * 7)
			return 0;
		upper += isupper((int)v[i].first) != 0;
	}
	return upper * 4 >= k * 3;
}

/* No line of the chunk starts with a wide character. */
static int
seg_all_latin(const struct seg_line *v, size_t k)
{
	size_t	i;

	for (i = 0; i < k; i++)
		if (width_is_cjk(v[i].first))
			return 0;
	return 1;
}

static int
seg_is_pre(const struct seg *g, const struct seg_line *v, size_t k)
{
	size_t	i, art = 0, gaps = 0, code = 0;

	for (i = 0; i < k; i++) {
		art += seg_is_art(v[i].t, v[i].tn);
		gaps += seg_has_gap(v[i].t, v[i].tn);
		code += v[i].spaces >= 4;
	}
	if ((art > 0 && k >= 2) || gaps >= 2 || (gaps == 1 && k == 2))
		return 1;
	if (code == k && k >= 2 && (!g->indent_paras || seg_all_latin(v, k)))
		return 1;
	return seg_is_verse(g, v, k);
}

/* Does line l continue the paragraph whose last line is p? */
static int
seg_joins(const struct seg *g, const struct seg_line *p,
    const struct seg_line *l)
{
	int	full;

	if (l->indent > 0 && (g->indent_paras || l->indent != p->indent))
		return 0;
	if (!width_is_cjk(p->last))
		return 1;
	if (p->width > SEG_ONE_LINE)
		return 0;
	if (g->cjk_wrap > 0)	/* near the wrap width (glosses vary it) */
		full = p->width * 4 >= g->cjk_wrap * 3;
	else	/* too few lines to measure: a long line that runs on */
		full = !g->indent_paras && p->width >= SEG_MIN_WRAP;
	if (g->indent_paras && l->indent == 0 && p->indent > 0 &&
	    (full || !seg_ends_para(g, p)))
		return 1;
	return full && !seg_ends_para(g, p);
}

/* A line's heading rank: an Aozora heading note, or its family. */
static int
seg_classify(const struct seg *g, const struct seg_line *l)
{
	int	rank;

	if (g->aozora && (rank = aozora_heading(g->s + l->toff, l->tlen)) != 0)
		return rank;
	return heading_classify(l->t, l->tn);
}

/* One line of a chunk of several. */
static void
seg_chunk_line(struct seg *g, const struct seg_line *l)
{
	struct block	*b;
	int		 rank, flags;

	rank = seg_classify(g, l);
	if (rank != HEADING_NONE && !heading_is_weak(rank)) {
		seg_heading(g, l, rank, heading_atx(l->t, l->tn,
		    &flags) ? BLOCK_ATX : 0);
		return;
	}
	if (seg_is_quote(g, l)) {
		int depth = seg_quote_depth(l->t, l->tn);

		if (g->cur >= 0 && g->out->v[g->cur].type == BLOCK_QUOTE &&
		    g->out->v[g->cur].depth == depth && seg_extend(g, l))
			return;
		seg_emit(g, BLOCK_QUOTE, l, seg_flags(g))->depth = depth;
		return;
	}
	if (segment_list_marker(l->t, l->tn) > 0) {
		b = seg_emit(g, BLOCK_LIST, l, seg_flags(g));
		b->depth = l->indent / 2 > 8 ? 8 : l->indent / 2;
		return;
	}
	if (g->cur >= 0 && g->out->v[g->cur].type == BLOCK_LIST &&
	    l->indent >= 2 && seg_extend(g, l))
		return;		/* an indented continuation of a list item */
	if (g->cur >= 0 && g->out->v[g->cur].type != BLOCK_QUOTE &&
	    seg_joins(g, &g->prev, l) && seg_extend(g, l))
		return;
	b = seg_emit(g, BLOCK_PARA, l, seg_flags(g));
	if (l->indent > 0)
		b->flags |= BLOCK_INDENT;
}

/* Could this single line be the document's title? */
static int
seg_is_title(const struct seg *g, const struct seg_line *l)
{
	return g->none_before && g->out->n == g->first && l->width <= 80 &&
	    !seg_ends_sentence(g, l) &&
	    segment_list_marker(l->t, l->tn) == 0 &&
	    !seg_is_quote(g, l) && !seg_is_art(l->t, l->tn);
}

/*
 * "CHAPTER I." and then, alone, "The Widow and her Child.": the second
 * line is the chapter's title, and joins the heading block.
 */
static int
seg_subtitle(struct seg *g, const struct seg_line *l)
{
	struct block	*h;
	struct srcline	 first;
	size_t		 off, len;

	if (g->out->n <= g->first)
		return 0;
	h = &g->out->v[g->out->n - 1];
	if (h->type != BLOCK_HEADING || (h->level != HEADING_CHAPTER &&
	    h->level != HEADING_PART) || (h->flags & (BLOCK_SUBTITLE |
	    BLOCK_ATX | BLOCK_SETEXT)) || l->raw.next - h->off > 1024 ||
	    !heading_is_title_line(l->t, l->tn))
		return 0;
	srcline_read(g->s, g->n, h->off, &first);
	off = first.off;
	len = first.len;
	srcline_trim(g->s, &off, &len);
	if (!heading_is_bare(g->s + off, len))
		return 0;
	h->len = (uint32_t)(l->raw.next - h->off);
	h->flags |= BLOCK_SUBTITLE;
	return 1;
}

/* A line alone between blank lines. */
static void
seg_single(struct seg *g, const struct seg_line *l)
{
	const char	*t = l->t;
	int		 rank, level;

	if (seg_subtitle(g, l))
		return;
	if (segment_is_rule(t, l->tlen)) {
		blocks_add(g->out, BLOCK_RULE, l->raw.off, l->raw.next,
		    seg_flags(g));
		g->cur = -1;
		return;
	}
	rank = seg_classify(g, l);
	if (rank == HEADING_NONE && l->indent == 0 &&	/* not a verse's */
	    heading_is_caps(t, l->tn))
		rank = HEADING_CAPS;
	if (rank == HEADING_NONE && heading_is_centred(t, l->tn, l->indent,
	    g->latin_wrap))
		rank = HEADING_CAPS;
	if (rank == HEADING_NONE)
		rank = heading_numbered_title(t, l->tn);
	if (rank != HEADING_NONE) {
		seg_heading(g, l, rank,
		    heading_atx(t, l->tlen, &level) ? BLOCK_ATX : 0);
		return;
	}
	if (seg_is_title(g, l)) {
		seg_heading(g, l, 0, 0);
		return;
	}
	g->cur = -1;
	seg_chunk_line(g, l);
}

static int
seg_is_setext(const struct seg *g, const struct seg_line *v)
{
	const char	*u = g->s + v[1].toff;
	size_t		 i;

	if (v[1].tlen < 3 || (u[0] != '=' && u[0] != '-') || v[0].width > 80 ||
	    seg_ends_sentence(g, &v[0]) || seg_is_art(v[0].t, v[0].tn))
		return 0;
	for (i = 0; i < v[1].tlen; i++)
		if (u[i] != u[0])
			return 0;
	return u[0] == '=' ? 1 : 2;
}

/*
 * Kept lines: the rank of line i of a chunk as a heading, or HEADING_NONE.
 * A man page has its sections in capitals at the margin and subsections
 * indented a little, each with more indented text right below.
 */
static int
seg_kept_heading(const struct seg *g, const struct seg_line *v, size_t k,
    size_t i)
{
	const struct seg_line	*l = &v[i];
	int			 rank;

	if (g->kept == SEG_KEEP_MAN) {
		if (k == 1 || (i + 1 < k && v[i + 1].indent > l->indent)) {
			if (seg_is_man_heading(l))
				return HEADING_CAPS;
			if (i == 0 && l->indent > 0 && l->indent <= 4 &&
			    isupper((unsigned char)l->t[0]) && l->width <= 40 &&
			    !heading_ends_sentence(l->t, l->tn -
			    (l->t[l->tn - 1] == ':')))	/* Exit status: */
				return HEADING_SECTION;
		}
		return HEADING_NONE;
	}
	rank = heading_classify(l->t, l->tn);
	if (rank == HEADING_NONE && k == 1 && l->indent == 0 &&
	    heading_is_caps(l->t, l->tn))
		rank = HEADING_CAPS;
	return heading_is_weak(rank) && k > 1 ? HEADING_NONE : rank;
}

/* Kept lines: a chunk is preformatted text around its headings. */
static void
seg_kept_window(struct seg *g, const struct seg_line *v, size_t k, int cont)
{
	size_t	i, from = 0;
	int	rank, flags;

	for (i = 0; i <= k; i++) {
		rank = i < k ? seg_kept_heading(g, v, k, i) : HEADING_NONE;
		if (i < k && rank == HEADING_NONE)
			continue;
		if (i > from) {
			flags = cont && from == 0 ? BLOCK_CONT : seg_flags(g);
			blocks_add(g->out, BLOCK_PRE, v[from].raw.off,
			    v[i - 1].raw.next, flags);
		}
		if (i < k)
			seg_heading(g, &v[i], rank, heading_atx(v[i].t, v[i].tn,
			    &flags) ? BLOCK_ATX : 0);
		from = i + 1;
	}
	g->cur = -1;
}

/* A separator line right above a heading (not a table's border). */
static int
seg_rule_first(const struct seg_line *v, size_t k)
{
	return k >= 2 && segment_is_rule(v[0].t, v[0].tn) &&
	    heading_classify(v[1].t, v[1].tn) != HEADING_NONE &&
	    !seg_is_art(v[1].t, v[1].tn);
}

static void
seg_window(struct seg *g, const struct seg_line *v, size_t k, int cont)
{
	size_t	i;
	int	level;

	if (g->kept != SEG_REFLOW) {
		seg_kept_window(g, v, k, cont);
		return;
	}
	if (k == 1 && !cont) {
		seg_single(g, &v[0]);
		return;
	}
	if (!cont && seg_rule_first(v, k)) {
		/* ------ then 第N回 on the next line: a rule, then the rest */
		blocks_add(g->out, BLOCK_RULE, v[0].raw.off, v[0].raw.next,
		    seg_flags(g));
		g->cur = -1;
		seg_window(g, v + 1, k - 1, 0);
		return;
	}
	if (k == 2 && !cont && !g->aozora && (level = seg_is_setext(g, v)) > 0) {
		seg_heading(g, &v[0], level, BLOCK_SETEXT);
		return;
	}
	if (seg_is_pre(g, v, k)) {
		blocks_add(g->out, BLOCK_PRE, v[0].raw.off, v[k - 1].raw.next,
		    cont ? BLOCK_CONT : seg_flags(g));
		g->cur = -1;
		return;
	}
	if (!cont)
		g->cur = -1;
	for (i = 0; i < k; i++)
		seg_chunk_line(g, &v[i]);
}

/* Ends a run of weak (numbered) headings: they were a list. */
static void
seg_demote(struct blocks *b, size_t from, size_t to)
{
	size_t	i;

	for (i = from; i < to; i++) {
		b->v[i].type = BLOCK_LIST;
		b->v[i].level = 0;
	}
}

/* Last code point of a block's source, trimmed. */
static uint32_t
seg_block_last(const char *s, const struct block *b)
{
	size_t	off = b->off, len = b->len;

	srcline_trim(s, &off, &len);
	while (len > 0 && (s[off + len - 1] == '\n' || s[off + len - 1] == '\r'))
		len--;
	return srcline_last(s + off, len);
}

/*
 * Numbered lines in a row, or after a line ending in a colon, are a list
 * (a reference list under 參考資料:), not sections.
 */
static void
seg_weak_headings(const char *s, struct blocks *b)
{
	size_t		i, j;
	uint32_t	c;

	for (i = 0; i < b->n; i = j) {
		j = i + 1;
		if (b->v[i].type != BLOCK_HEADING ||
		    b->v[i].level < HEADING_NUMBERED)
			continue;
		while (j < b->n && b->v[j].type == BLOCK_HEADING &&
		    b->v[j].level == b->v[i].level)
			j++;
		c = i > 0 ? seg_block_last(s, &b->v[i - 1]) : 0;
		if (j - i > 1 || c == ':' || c == 0xFF1A)
			seg_demote(b, i, j);
	}
}

/* Reads the line that ends just before pos (pos > 0, a line start). */
static void
seg_read_before(struct seg *g, size_t pos, struct seg_line *l)
{
	const char	*nl, *cr;
	size_t		 i = pos - 1, from;

	if (i > 0 && g->s[i] == '\n' && g->s[i - 1] == '\r')
		i--;
	/* the last line end before i (memrchr: a line may be 100 MB) */
	nl = memrchr(g->s, '\n', i);
	from = nl != NULL ? (size_t)(nl - g->s) + 1 : 0;
	cr = memrchr(g->s + from, '\r', i - from);
	seg_read(g, cr != NULL ? (size_t)(cr - g->s) + 1 : from, l);
}

void
segment_habits(const char *s, size_t n, struct seg_habits *h)
{
	struct seg	g;

	memset(&g, 0, sizeof g);
	g.s = s;
	g.n = n;
	seg_habits(&g);
	seg_free_owned(&g);
	h->cjk_wrap = g.cjk_wrap;
	h->latin_wrap = g.latin_wrap;
	h->indent_paras = g.indent_paras;
	h->kept = g.kept;
	h->aozora = g.aozora;
	h->glosses = g.glosses;
}

/* The first line start at or after x (x itself if it is one), or n. */
static size_t
seg_line_start(const char *s, size_t n, size_t x)
{
	const char	*nl, *cr;
	size_t		 i;

	if (x == 0 || x >= n)
		return x >= n ? n : 0;
	i = x - 1;	/* the first line end from i (memchr: a line may be 100 MB) */
	nl = memchr(s + i, '\n', n - i);
	cr = memchr(s + i, '\r', (nl != NULL ? (size_t)(nl - s) : n) - i);
	i = cr != NULL ? (size_t)(cr - s) : nl != NULL ? (size_t)(nl - s) : n;
	if (i + 1 < n && s[i] == '\r' && s[i + 1] == '\n')
		i++;
	return i + 1 < n ? i + 1 : n;
}

/* Is the line at i blank (only spaces and tabs)? */
static int
seg_blank_at(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i >= n || s[i] == '\n' || s[i] == '\r';
}

/*
 * Where a piece may start, for a multiple x of SEGMENT_PIECE: the first
 * blank line within SEGMENT_SEEK bytes after x, so that no paragraph is cut;
 * else the first line start after x.  A function of x alone, so that any
 * piece can be found again on its own.
 */
static size_t
seg_boundary(const char *s, size_t n, size_t x)
{
	size_t		 first = seg_line_start(s, n, x), end;
	const char	*p = s + first, *q;

	end = x + SEGMENT_SEEK < n ? x + SEGMENT_SEEK : n;
	if (first < n && seg_blank_at(s, n, first))
		return first;
	while (p < s + end && (q = memchr(p, '\n', (size_t)(s + end - p))) != NULL) {
		if (seg_blank_at(s, n, (size_t)(q + 1 - s)))
			return (size_t)(q + 1 - s);
		p = q + 1;
	}
	return first;
}

size_t
segment_piece_end(const char *s, size_t n, size_t start)
{
	size_t	x = (start / SEGMENT_PIECE + 1) * SEGMENT_PIECE, b;

	while (x < n && (b = seg_boundary(s, n, x)) <= start)
		x += SEGMENT_PIECE;	/* a boundary already passed */
	return x >= n ? n : b;
}

size_t
segment_piece_start(const char *s, size_t n, size_t at)
{
	size_t	x = at / SEGMENT_PIECE * SEGMENT_PIECE, b;

	for (; x > 0; x -= SEGMENT_PIECE)
		if ((b = seg_boundary(s, n, x)) <= at)
			return b;
	return 0;
}

/*
 * The first block of a piece continues the last paragraph of the piece
 * before when the two lines around the boundary would have joined.
 */
static void
seg_piece_join(struct seg *g, size_t start, size_t first_block)
{
	struct seg_line	p, l;
	struct block	*b;

	if (start == 0 || first_block >= g->out->n)
		return;
	b = &g->out->v[first_block];
	seg_read_before(g, start, &p);
	seg_read(g, start, &l);
	if (p.tlen == 0 || l.tlen == 0 || b->type != BLOCK_PARA ||
	    heading_classify(p.t, p.tn) != HEADING_NONE)
		return;
	if (seg_joins(g, &p, &l))
		b->flags |= BLOCK_CONT;
}

void
segment_piece(const char *s, size_t start, size_t end,
    const struct seg_habits *h, struct blocks *out)
{
	segment_piece_apart(s, start, end, h, out->n == 0, out);
}

void
segment_piece_apart(const char *s, size_t start, size_t end,
    const struct seg_habits *h, int none_before, struct blocks *out)
{
	struct seg	 g;
	struct seg_line	*v = xmalloc(SEG_WINDOW * sizeof *v), blank;
	size_t		 pos = start, k, first = out->n;
	int		 cont = 0;

	memset(&g, 0, sizeof g);
	g.none_before = none_before;
	g.s = s;
	g.n = end;
	g.out = out;
	g.cur = -1;
	g.first = first;
	g.cjk_wrap = h->cjk_wrap;
	g.latin_wrap = h->latin_wrap;
	g.indent_paras = h->indent_paras;
	g.kept = h->kept;
	g.aozora = h->aozora;
	g.glosses = h->glosses;
	if (start > 0) {
		seg_read_before(&g, start, &blank);
		g.space = blank.tlen == 0;
	}
	while (pos < end) {
		for (k = 0; k < SEG_WINDOW && pos < end; k++) {
			seg_read(&g, pos, &v[k]);
			if (v[k].tlen == 0)
				break;
			pos = v[k].raw.next;
		}
		if (k > 0)
			seg_window(&g, v, k, cont);
		cont = (k == SEG_WINDOW);
		if (k < SEG_WINDOW && pos < end) {
			pos = v[k].raw.next;	/* the blank line */
			g.space = 1;
			g.cur = -1;
		}
	}
	if (out->n > first) {
		struct blocks piece = { out->v + first, out->n - first, 0 };

		seg_weak_headings(s, &piece);
		seg_piece_join(&g, start, first);
	}
	seg_free_owned(&g);
	free(v);
}

void
segment_plain(const char *s, size_t n, struct blocks *out)
{
	struct seg_habits	h;
	size_t			start = 0, end;

	segment_habits(s, n, &h);
	while (start < n) {
		end = segment_piece_end(s, n, start);
		segment_piece(s, start, end, &h, out);
		start = end;
	}
}
