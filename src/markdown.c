/*
 * markdown.c: md4c callbacks that build blocks (see markdown.h).
 *
 * Containers (quotes, lists, list items) only set the depth, the type and
 * the marker of the leaves inside them.  A leaf (paragraph, heading, code,
 * HTML, the text of a tight list item) collects display text and spans
 * until it ends, then becomes a block.  Tables are collected cell by cell
 * and laid out in columns when they end.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <md4c.h>
#include <utf8proc.h>

#include "entities.h"
#include "markdown.h"
#include "sanitize.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

/*
 * Lists, quotes and spans are tracked MD_STACK deep.  A list nested deeper
 * (md4c has no limit) shares the deepest slot, and is drawn at that depth:
 * its numbering may run on from the list around it, nothing worse.
 */
#define MD_STACK	64

struct md_cell {
	char	*s;
	int	 align;		/* MD_ALIGN */
};

struct md_state {
	struct md_doc	*out;
	const char	*src;
	size_t		 n;
	size_t		 base;		/* source offset of src */
	size_t		 total;		/* n and the definitions after it */
	/* containers */
	int		 quote;		/* depth */
	int		 lists;		/* depth */
	unsigned	 number[MD_STACK];	/* next number, 0: bullets */
	int		 tight[MD_STACK];	/* the list is tight */
	int		 loose;		/* the innermost list is loose */
	char		 marker[32];	/* for the next leaf of an item */
	int		 item_leaves;	/* leaves so far in the item */
	unsigned	 item_hang[MD_STACK];	/* marker columns, per list */
	/* the open leaf */
	int		 open;
	int		 type;
	int		 level;
	int		 flags;
	size_t		 start;		/* in out->text */
	size_t		 firstspan;
	struct runs	 runs;		/* the open leaf's, offsets in out->text */
	size_t		 src_lo, src_hi;
	unsigned	 hang;
	int		 soft;		/* a soft break is pending */
	int		 col;		/* for tabs in code */
	size_t		 spanstart[MD_STACK];
	int		 spantype[MD_STACK];
	int		 nspan;
	/* tables */
	int		 in_table;
	struct md_cell	*cells;
	size_t		 ncells;
	size_t		 ncols;
	int		 in_cell;
	struct buf	 cell;
	int		 cell_align;
	size_t		 header_rows;
	/* raw HTML */
	int		 in_html;	/* an HTML block: its text gathered */
	struct buf	 html;
	size_t		 html_lo;	/* its source range */
	size_t		 html_hi;
	size_t		 summary;	/* text offset of <summary>'s text */
	int		 in_summary;
};

static void	md_entity(struct md_state *, const char *, size_t);
static void	md_span_add(struct md_state *, size_t, int);
static void	md_html_block(struct md_state *);
static void	md_html_tag(struct md_state *, const char *, size_t);

static void
md_note_source(struct md_state *st, const char *p, size_t n)
{
	size_t	off;

	if (p < st->src || p >= st->src + st->n)
		return;		/* the definitions appended to a piece */
	off = st->base + (size_t)(p - st->src);
	if (st->src_lo == (size_t)-1 || off < st->src_lo)
		st->src_lo = off;
	if (off + n > st->src_hi)
		st->src_hi = off + n;
}

/* The state slot of the innermost list (lists > 0). */
static int
md_list_slot(const struct md_state *st)
{
	return st->lists <= MD_STACK ? st->lists - 1 : MD_STACK - 1;
}

/* A nesting depth as a block keeps it: at most MD_STACK - 1. */
static uint8_t
md_depth(int depth)
{
	return (uint8_t)(depth < MD_STACK ? depth : MD_STACK - 1);
}

static void
md_leaf_open(struct md_state *st, int type, int level)
{
	struct buf	*t = &st->out->text;

	st->open = 1;
	st->type = type;
	st->level = level;
	st->flags = 0;
	st->start = t->len;
	st->firstspan = st->out->nspans;
	st->runs.n = 0;
	st->src_lo = (size_t)-1;
	st->src_hi = 0;
	st->hang = 0;
	st->soft = 0;
	st->col = 0;
	if (type == BLOCK_LIST && st->marker[0] != '\0') {
		buf_adds(t, st->marker);
		st->hang = (unsigned)width_str(st->marker, strlen(st->marker), 1);
		if (st->out->nspans == st->out->spancap) {
			st->out->spancap = st->out->spancap ? st->out->spancap * 2 :
			    256;
			st->out->spans = xreallocarray(st->out->spans,
			    st->out->spancap, sizeof *st->out->spans);
		}
		st->out->spans[st->out->nspans].start = 0;
		st->out->spans[st->out->nspans].end =
		    (uint32_t)strlen(st->marker);
		st->out->spans[st->out->nspans].style = STYLE_MARKER;
		st->out->spans[st->out->nspans++].data = 0;
		st->marker[0] = '\0';
	}
}

static struct md_block *
md_push_block(struct md_doc *d)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	memset(&d->v[d->n], 0, sizeof d->v[d->n]);
	return &d->v[d->n++];
}

/*
 * The source range for a block with no text of its own: where the block
 * before it ends (in the piece before, for a piece's first), so that it is
 * the same whatever the pieces.
 */
static size_t
md_last_end(const struct md_doc *d, size_t base)
{
	if (d->n > 0)
		return d->v[d->n - 1].b.off + d->v[d->n - 1].b.len;
	return d->before > 0 ? d->before : base;
}

/* Keeps the open leaf's runs for block b, as offsets in its text. */
static void
md_keep_runs(struct md_state *st, struct md_block *b)
{
	struct md_doc	*d = st->out;
	size_t		 i;

	b->run = d->nruns;
	for (i = 0; i < st->runs.n; i++) {
		struct text_run	r = st->runs.v[i];

		if (r.text >= st->start + b->len)
			break;		/* trailing white space cut */
		r.text -= (uint32_t)st->start;
		if (r.text + r.tlen > b->len) {
			if (r.tlen == r.slen)
				r.slen = (uint32_t)b->len - r.text;
			r.tlen = (uint32_t)b->len - r.text;
		}
		if (d->nruns == d->runcap) {
			d->runcap = d->runcap ? d->runcap * 2 : 256;
			d->runs = xreallocarray(d->runs, d->runcap,
			    sizeof *d->runs);
		}
		d->runs[d->nruns++] = r;
	}
	b->nruns = d->nruns - b->run;
}

/* --- CJK-friendly emphasis ----------------------------------------------- */

/* Unicode punctuation or symbol, as CommonMark's flanking rules mean it. */
static int
md_is_punct(uint32_t c)
{
	utf8proc_category_t k;

	if (c < 0x80)
		return ispunct((int)c);
	k = utf8proc_category((utf8proc_int32_t)c);
	return (k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO) ||
	    (k >= UTF8PROC_CATEGORY_SM && k <= UTF8PROC_CATEGORY_SO);
}

static int
md_is_space(uint32_t c)
{
	return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == 0x3000 ||
	    c == 0xA0;
}

/* The code points around the run [a, b) of the leaf's text. */
static void
md_run_sides(const struct buf *t, size_t lo, size_t a, size_t b,
    size_t hi, uint32_t *before, uint32_t *after)
{
	size_t	j = a;

	*before = *after = 0;
	if (j > lo) {
		while (j > lo && (t->s[j - 1] & 0xC0) == 0x80)
			j--;
		if (j > lo)
			utf8_decode((const uint8_t *)t->s + j - 1, a - j + 1,
			    before);
	}
	if (b < hi)
		utf8_decode((const uint8_t *)t->s + b, hi - b, after);
}

/*
 * Can a run of * open or close emphasis under the markdown-cjk-friendly
 * amendment (a CJK neighbour counts like punctuation or a blank)?  *cjk
 * says which of the two only the amendment allows (1 open, 2 close).
 */
static void
md_flanks(uint32_t before, uint32_t after, int *open, int *close, int *cjk)
{
	int	lstd, rstd;

	lstd = !md_is_space(after) && (!md_is_punct(after) ||
	    md_is_space(before) || md_is_punct(before));
	rstd = !md_is_space(before) && (!md_is_punct(before) ||
	    md_is_space(after) || md_is_punct(after));
	*open = lstd || (!md_is_space(after) && width_is_cjk(before));
	*close = rstd || (!md_is_space(before) && width_is_cjk(after));
	*cjk = (*open && !lstd) | 2 * (*close && !rstd);
}

/* Is text offset k inside a code span of the open leaf, or escaped? */
static int
md_literal_at(const struct md_state *st, size_t k)
{
	const struct md_doc	*d = st->out;
	size_t			 i;

	for (i = st->firstspan; i < d->nspans; i++)
		if (d->spans[i].style == STYLE_CODE &&
		    st->start + d->spans[i].start <= k &&
		    k < st->start + d->spans[i].end)
			return 1;
	for (i = 0; i < st->runs.n; i++) {
		const struct text_run *r = &st->runs.v[i];

		if (k >= r->text && k < r->text + r->tlen) {
			uint64_t src = r->src + (r->tlen == r->slen ?
			    k - r->text : 0);

			return src > st->base && src - st->base <= st->n &&
			    st->src[src - st->base - 1] == '\\';	/* \* */
		}
	}
	return 1;	/* not from the source: folio's own text */
}

/* Hides the marks at a and at c (n bytes each), styles the text between. */
static void
md_cjk_pair(struct md_state *st, size_t a, size_t n, size_t c)
{
	struct md_doc	*d = st->out;
	size_t		 lo = st->start;

	md_span_add(st, a, STYLE_HIDDEN);
	d->spans[d->nspans - 1].end = (uint32_t)(a + n - lo);
	md_span_add(st, a + n, n == 2 ? STYLE_STRONG : STYLE_EMPH);
	d->spans[d->nspans - 1].end = (uint32_t)(c - lo);
	md_span_add(st, c, STYLE_HIDDEN);
	d->spans[d->nspans - 1].end = (uint32_t)(c + n - lo);
}

/*
 * **（1）提供一次性的环境。**比如: CommonMark leaves these * as text, as
 * punctuation before a CJK character does not close.  Pairs of runs of
 * one or two * that the amendment lets open and close, one of them only
 * thanks to a CJK neighbour, become emphasis: the marks are hidden, the
 * text between styled.  Text without CJK is never touched.
 */
static void
md_cjk_emphasis(struct md_state *st, size_t len)
{
	struct buf	*t = &st->out->text;
	size_t		 lo = st->start, hi = st->start + len, i, j;
	size_t		 stack[16], stlen[16];
	int		 stcjk[16], nst = 0, open, close, cjk, k;
	uint32_t	 before, after;

	if (st->type == BLOCK_PRE || memchr(t->s + lo, '*', len) == NULL)
		return;
	for (i = lo; i < hi; i = j) {
		if (t->s[i] != '*') {
			j = i + 1;
			continue;
		}
		for (j = i; j < hi && t->s[j] == '*'; j++)
			;
		if (j - i > 2 || md_literal_at(st, i))
			continue;
		md_run_sides(t, lo, i, j, hi, &before, &after);
		md_flanks(before, after, &open, &close, &cjk);
		for (k = nst - 1; close && k >= 0; k--)
			if (stlen[k] == j - i)
				break;
		if (close && k >= 0 && ((cjk & 2) || stcjk[k])) {
			md_cjk_pair(st, stack[k], stlen[k], i);
			nst = k;
		} else if (open && nst < 16) {
			stack[nst] = i;
			stlen[nst] = j - i;
			stcjk[nst++] = cjk & 1;
		}
	}
}

static void
md_leaf_close(struct md_state *st)
{
	struct md_doc	*d = st->out;
	struct md_block	*b;
	size_t		 len;

	if (!st->open)
		return;
	st->open = 0;
	len = d->text.len - st->start;
	while (len > 0 && (d->text.s[st->start + len - 1] == '\n' ||
	    d->text.s[st->start + len - 1] == ' ') && st->type != BLOCK_PRE)
		len--;
	while (len > 0 && d->text.s[st->start + len - 1] == '\n')
		len--;
	if (len == 0 && st->type != BLOCK_PRE) {
		d->text.len = st->start;
		d->nspans = st->firstspan;
		return;
	}
	d->text.len = st->start + len;
	md_cjk_emphasis(st, len);
	if (st->src_lo == (size_t)-1)	/* no source: where the last ended */
		st->src_lo = st->src_hi = md_last_end(d, st->base);
	b = md_push_block(d);
	b->b.type = (uint8_t)st->type;
	b->b.level = (uint8_t)st->level;
	b->b.flags = (uint8_t)(st->flags |
	    (st->type == BLOCK_LIST && !st->loose ? 0 : BLOCK_SPACE));
	b->b.depth = md_depth(st->type == BLOCK_QUOTE ? st->quote :
	    st->type == BLOCK_LIST && st->lists > 0 ? st->lists - 1 : 0);
	if (st->lists > 0 && ((st->type == BLOCK_LIST && (st->item_leaves > 1 ||
	    (st->flags & BLOCK_CONT))) || st->type == BLOCK_PRE)) {
		/* a later paragraph, code or a table of an item: under its text */
		b->b.flags |= BLOCK_INDENT;
		b->b.depth = md_depth(st->lists - 1);
		st->hang = st->item_hang[md_list_slot(st)];
	}
	b->b.off = st->src_lo;
	b->b.len = (uint32_t)(st->src_hi - st->src_lo);
	b->text = st->start;
	b->len = len;
	b->span = st->firstspan;
	b->nspans = d->nspans - st->firstspan;
	md_keep_runs(st, b);
	b->hang = st->hang;
}

/*
 * Appends text, sanitised line by line; text from the source (not text
 * folio makes up) is mapped to it in the leaf's runs.
 */
static void
md_add(struct md_state *st, const char *s, size_t n)
{
	size_t		 i, from = 0;
	const char	*nl;
	int		 mapped = s >= st->src && s < st->src + st->n;

	if (!st->open)
		md_leaf_open(st, rdoc_flow_type(st->lists, st->quote), 0);
	for (;;) {	/* sanitise line by line */
		nl = memchr(s + from, '\n', n - from);
		i = nl != NULL ? (size_t)(nl - s) : n;
		sanitize_line_map(&st->out->text, s + from, i - from, &st->col,
		    mapped ? &st->runs : NULL,
		    st->base + (uint64_t)(s + from - st->src));
		if (i == n)
			break;
		buf_addc(&st->out->text, '\n');
		st->col = 0;
		from = i + 1;
	}
}

static void
md_join(struct md_state *st, const char *s, size_t n)
{
	struct buf	*t = &st->out->text;
	uint32_t	 a = 0, b = 0;

	if (st->soft && st->open && t->len > st->start && n > 0) {
		size_t j = t->len;

		while (j > st->start + 1 && (t->s[j - 1] == '`' ||
		    t->s[j - 1] == '~'))
			j--;	/* look past the markers folio added */
		while (j > st->start && (t->s[j - 1] & 0xC0) == 0x80)
			j--;
		if (j > st->start)
			utf8_decode((const uint8_t *)t->s + j - 1, t->len - j + 1,
			    &a);
		utf8_decode((const uint8_t *)s, n, &b);
		if (width_join_space(a, b))
			buf_addc(t, ' ');
	}
	st->soft = 0;
}

/*
 * Flowing text: a pending soft break becomes a space or nothing, and so
 * does a line end inside the text (inline HTML over two lines), with the
 * indentation after it.
 */
static void
md_add_flow(struct md_state *st, const char *s, size_t n)
{
	const char	*nl;
	size_t		 k;

	while ((nl = memchr(s, '\n', n)) != NULL) {
		k = (size_t)(nl - s);
		if (k > 0 && s[k - 1] == '\r')
			k--;
		if (k > 0) {
			md_join(st, s, k);
			md_add(st, s, k);
		}
		st->soft = 1;
		n -= (size_t)(nl + 1 - s);
		s = nl + 1;
		while (n > 0 && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
	}
	if (n > 0) {
		md_join(st, s, n);
		md_add(st, s, n);
	}
}

/* Appends text made from source src[0, sn) as one unit (an entity). */
static void
md_add_unit(struct md_state *st, const char *s, size_t n, const char *src,
    size_t sn)
{
	size_t	t;

	md_join(st, s, n);
	t = st->out->text.len;
	md_add(st, s, n);
	if (src >= st->src && src < st->src + st->n)
		runs_add(&st->runs, t, st->out->text.len - t,
		    st->base + (uint64_t)(src - st->src), sn);
}

static void
md_span_add(struct md_state *st, size_t start, int style)
{
	struct md_doc	*d = st->out;

	if (d->nspans == d->spancap) {
		d->spancap = d->spancap ? d->spancap * 2 : 256;
		d->spans = xreallocarray(d->spans, d->spancap, sizeof *d->spans);
	}
	d->spans[d->nspans].start = (uint32_t)(start - st->start);
	d->spans[d->nspans].end = (uint32_t)(d->text.len - st->start);
	d->spans[d->nspans].style = (uint16_t)style;
	d->spans[d->nspans++].data = 0;
}

/* --- Tables -------------------------------------------------------------- */

static void
md_table_emit(struct md_state *st)
{
	size_t	 rows, k, lo, hi;
	char	**cells, *align;

	if (st->ncols == 0)
		return;
	rows = st->ncells / st->ncols;
	cells = xcalloc(rows * st->ncols + 1, sizeof *cells);
	align = xcalloc(rows * st->ncols + 1, 1);
	for (k = 0; k < rows * st->ncols; k++) {
		cells[k] = st->cells[k].s;
		align[k] = st->cells[k].align == MD_ALIGN_RIGHT ? 'r' :
		    st->cells[k].align == MD_ALIGN_CENTER ? 'c' : 'l';
	}
	lo = st->src_lo;	/* the cells' source is the table's */
	hi = st->src_hi;
	md_leaf_open(st, BLOCK_PRE, 0);
	st->src_lo = lo;
	st->src_hi = hi;
	rdoc_table(&st->out->text, cells, rows, st->ncols, st->header_rows,
	    align, 0);
	free(cells);
	free(align);
	md_leaf_close(st);
}

static void
md_table_free(struct md_state *st)
{
	size_t	i;

	for (i = 0; i < st->ncells; i++)
		free(st->cells[i].s);
	free(st->cells);
	st->cells = NULL;
	st->ncells = st->ncols = 0;
}

static void
md_cell_end(struct md_state *st)
{
	size_t	i;

	st->cells = xgrow_one(st->cells, st->ncells, sizeof *st->cells);
	for (i = 0; i < st->cell.len; i++)
		if (st->cell.s[i] == '\n')
			st->cell.s[i] = ' ';
	/* a cell's text is shown like any other */
	st->cells[st->ncells].s = sanitize_dup(st->cell.s, st->cell.len);
	buf_free(&st->cell);
	st->cells[st->ncells++].align = st->cell_align;
	buf_init(&st->cell);
	st->in_cell = 0;
}

/* --- Callbacks ----------------------------------------------------------- */

static void
md_item_marker(struct md_state *st, const MD_BLOCK_LI_DETAIL *li)
{
	int	k = st->lists > 0 ? md_list_slot(st) : 0;

	if (li->is_task)
		snprintf(st->marker, sizeof st->marker, "[%c] ",
		    li->task_mark == ' ' ? ' ' : 'x');
	else if (st->number[k] > 0)
		snprintf(st->marker, sizeof st->marker, "%u. ", st->number[k]++);
	else
		snprintf(st->marker, sizeof st->marker, "- ");
	st->item_hang[k] = (unsigned)width_str(st->marker, strlen(st->marker), 1);
	st->item_leaves = 0;
}

static int
md_enter_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct md_state	*st = arg;
	size_t		 k;

	if (st->in_table && type != MD_BLOCK_TABLE) {
		if (type == MD_BLOCK_THEAD)
			st->header_rows = (size_t)-1;
		if (type == MD_BLOCK_TH || type == MD_BLOCK_TD) {
			st->in_cell = 1;
			buf_init(&st->cell);
			st->cell_align = ((MD_BLOCK_TD_DETAIL *)detail)->align;
		}
		return 0;
	}
	md_leaf_close(st);
	switch (type) {
	case MD_BLOCK_QUOTE:
		st->quote++;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		st->lists++;
		st->number[md_list_slot(st)] = type == MD_BLOCK_OL ?
		    ((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
		st->tight[md_list_slot(st)] = type == MD_BLOCK_OL ?
		    ((MD_BLOCK_OL_DETAIL *)detail)->is_tight :
		    ((MD_BLOCK_UL_DETAIL *)detail)->is_tight;
		st->loose = !st->tight[md_list_slot(st)];
		break;
	case MD_BLOCK_LI:
		md_item_marker(st, detail);
		break;
	case MD_BLOCK_HR:
		k = md_last_end(st->out, st->base);	/* no source */
		md_push_block(st->out)->b.type = BLOCK_RULE;
		st->out->v[st->out->n - 1].b.off = k;
		st->out->v[st->out->n - 1].b.flags = BLOCK_SPACE;
		break;
	case MD_BLOCK_H:
		md_leaf_open(st, BLOCK_HEADING, ((MD_BLOCK_H_DETAIL *)detail)->level);
		st->flags = BLOCK_ATX;
		break;
	case MD_BLOCK_CODE:
		md_leaf_open(st, BLOCK_PRE, 0);
		if (((MD_BLOCK_CODE_DETAIL *)detail)->lang.size > 0) {
			const MD_ATTRIBUTE *lang = &((MD_BLOCK_CODE_DETAIL *)
			    detail)->lang;

			buf_adds(&st->out->text, "[");
			md_add(st, lang->text, lang->size);
			buf_adds(&st->out->text, "]\n");
			/* mapped to the source: the block holds it too */
			md_note_source(st, lang->text, lang->size);
		}
		break;
	case MD_BLOCK_HTML:	/* rendered when it ends */
		st->in_html = 1;
		st->html.len = 0;
		st->html_lo = (size_t)-1;
		st->html_hi = 0;
		break;
	case MD_BLOCK_P:
		md_leaf_open(st, rdoc_flow_type(st->lists, st->quote), 0);
		break;
	case MD_BLOCK_TABLE:
		st->src_lo = (size_t)-1;	/* the cells': the table's */
		st->src_hi = 0;
		st->in_table = 1;
		st->ncols = ((MD_BLOCK_TABLE_DETAIL *)detail)->col_count;
		st->header_rows = 0;
		break;
	default:
		break;
	}
	if (st->open && st->type == BLOCK_LIST)
		st->item_leaves++;
	return 0;
}

static int
md_leave_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct md_state	*st = arg;

	if (st->in_table) {
		if (type == MD_BLOCK_TH || type == MD_BLOCK_TD)
			md_cell_end(st);
		else if (type == MD_BLOCK_THEAD)
			st->header_rows = st->ncells / (st->ncols ? st->ncols : 1);
		else if (type == MD_BLOCK_TABLE) {
			st->in_table = 0;
			md_table_emit(st);
			md_table_free(st);
		}
		return 0;
	}
	if (type == MD_BLOCK_HTML && st->in_html)
		md_html_block(st);
	md_leaf_close(st);
	if (type == MD_BLOCK_QUOTE && st->quote > 0)
		st->quote--;
	else if ((type == MD_BLOCK_UL || type == MD_BLOCK_OL) && st->lists > 0) {
		st->lists--;
		st->loose = st->lists > 0 && !st->tight[md_list_slot(st)];
	}
	return 0;
}

/*
 * A mark folio adds around code (`): shown as it is, or hidden where the
 * reader styles code (STYLE_MARK, see doc_hide_marks).
 */
static void
md_mark(struct md_state *st, const char *mark)
{
	size_t	at = st->out->text.len;

	buf_adds(&st->out->text, mark);
	md_span_add(st, at, STYLE_MARK);
}

/*
 * An image's alt text from start that is only a file name (and holds no
 * span) is taken out again, with its runs: it says nothing.
 */
static void
md_image_alt(struct md_state *st, size_t start)
{
	struct buf	*t = &st->out->text;

	if (t->len <= start || (st->out->nspans > 0 &&
	    st->out->spans[st->out->nspans - 1].end > start) ||
	    !rdoc_alt_is_file_name(t->s + start))	/* t->s ends in NUL */
		return;
	t->len = start;
	t->s[start] = '\0';
	runs_cut(&st->runs, start);
}

/* "[image: " then the alt text: "]", or "[image]" when there is none. */
static void
md_image_end(struct md_state *st, size_t start)
{
	struct buf	*t = &st->out->text;

	if (t->len == start && start >= st->start + 8 &&
	    memcmp(t->s + start - 8, "[image: ", 8) == 0) {
		t->len = start - 2;
		buf_addc(t, ']');
	} else
		buf_addc(t, ']');
}

/* The lower-case name of an HTML tag at s ("<sup", "</sup"), in name. */
static int
md_tag_name(const char *s, size_t n, char *name, size_t size)
{
	size_t	i = 1, k = 0;
	int	closing = 0;

	if (i < n && s[i] == '/') {
		closing = 1;
		i++;
	}
	while (i < n && k + 1 < size && (isalnum((unsigned char)s[i]))) {
		name[k++] = (char)tolower((unsigned char)s[i]);
		i++;
	}
	name[k] = '\0';
	return closing;
}

/* The value of attribute attr in a tag ("alt"), allocated, or NULL. */
static char *
md_tag_attr(const char *s, size_t n, const char *attr)
{
	size_t	 len = strlen(attr), i, j;
	char	 q;

	for (i = 1; i + len < n; i++) {
		if (strncasecmp(s + i, attr, len) != 0 ||
		    !isspace((unsigned char)s[i - 1]))
			continue;
		j = i + len;
		while (j < n && isspace((unsigned char)s[j]))
			j++;
		if (j >= n || s[j] != '=')
			continue;
		for (j++; j < n && isspace((unsigned char)s[j]); j++)
			;
		q = j < n && (s[j] == '"' || s[j] == '\'') ? s[j++] : 0;
		for (i = j; j < n && (q ? s[j] != q : !isspace((unsigned char)s[j]) &&
		    s[j] != '>' && s[j] != '/'); j++)
			;
		return sanitize_dup(s + i, j - i);
	}
	return NULL;
}

/* Does an HTML tag end a line where a reader would (p, div, li, br...)? */
static int
md_tag_breaks(const char *name)
{
	static const char *const tags[] = {
		"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5",
		"h6", "ul", "ol", "table", "details", "summary", "blockquote",
		"hr", "center", "section", "article", "figure", "figcaption",
		NULL
	};
	size_t	i;

	for (i = 0; tags[i] != NULL; i++)
		if (strcmp(name, tags[i]) == 0)
			return 1;
	return 0;
}

/* A hard break inside a paragraph: the rest goes on in a new block. */
static void
md_hard_break(struct md_state *st)
{
	int	type, level;

	if (!st->open || st->type == BLOCK_PRE)
		return;
	type = st->type;
	level = st->level;
	md_leaf_close(st);
	md_leaf_open(st, type, level);
	st->flags |= BLOCK_CONT;
}

/*
 * Raw HTML as a reader shows it: comments and unknown tags vanish, <br>
 * breaks the line, <img> shows its alt text, <sup>2</sup> is ^2 and
 * <sub>2</sub> _2, a <summary> is strong.
 */
static void
md_html_tag(struct md_state *st, const char *s, size_t n)
{
	char	 name[16], *alt;
	int	 closing;

	if (n < 3 || s[0] != '<' || (n >= 4 && memcmp(s, "<!--", 4) == 0))
		return;
	closing = md_tag_name(s, n, name, sizeof name);
	if (!closing && strcmp(name, "img") == 0) {
		alt = md_tag_attr(s, n, "alt");
		if (alt != NULL && *alt != '\0' &&
		    !rdoc_alt_is_file_name(alt)) {
			size_t at;

			md_add_flow(st, "[image: ", 8);
			at = st->out->text.len;
			md_add(st, alt, strlen(alt));
			md_span_add(st, at, STYLE_EMPH);
			buf_addc(&st->out->text, ']');
		} else
			md_add_flow(st, "[image]", 7);
		free(alt);
	} else if (!closing && strcmp(name, "sup") == 0)
		md_add_flow(st, "^", 1);
	else if (!closing && strcmp(name, "sub") == 0)
		md_add_flow(st, "_", 1);
	else if (strcmp(name, "summary") == 0) {
		if (!closing) {
			if (!st->open)
				md_leaf_open(st, rdoc_flow_type(st->lists,
				    st->quote), 0);
			st->summary = st->out->text.len;
			st->in_summary = 1;
		} else if (st->in_summary && st->open &&
		    st->out->text.len > st->summary) {
			md_span_add(st, st->summary, STYLE_STRONG);
			st->in_summary = 0;
			md_hard_break(st);
		}
	} else if (md_tag_breaks(name) && st->open &&
	    st->out->text.len > st->start)
		md_hard_break(st);
}

/* Text between the tags of an HTML block: blanks collapse, entities decode. */
static void
md_html_text(struct md_state *st, const char *s, size_t n)
{
	size_t	i = 0, j, k;

	while (i < n) {
		if (isspace((unsigned char)s[i])) {
			while (i < n && isspace((unsigned char)s[i]))
				i++;
			st->soft = st->open && st->out->text.len > st->start;
			continue;
		}
		for (j = i; j < n && !isspace((unsigned char)s[j]) &&
		    s[j] != '&'; j++)
			;
		if (j == i && s[i] == '&') {
			k = i + 1;
			if (k < n && s[k] == '#')
				k++;
			while (k < n && k < i + 40 && isalnum((unsigned char)s[k]))
				k++;
			j = k < n && s[k] == ';' ? k + 1 : i + 1;
			md_entity(st, s + i, j - i);
		} else
			md_add_flow(st, s + i, j - i);
		i = j;
	}
}

/* An HTML block, rendered as a reader would show it (md_html_tag). */
static void
md_html_block(struct md_state *st)
{
	const char	*s = st->html.s, *lt, *gt;
	size_t		 n = st->html.len, i = 0, end;

	st->in_html = 0;
	while (i < n) {
		lt = memchr(s + i, '<', n - i);
		end = lt != NULL ? (size_t)(lt - s) : n;
		if (end > i)
			md_html_text(st, s + i, end - i);
		if (lt == NULL)
			break;
		if (n - end >= 4 && memcmp(lt, "<!--", 4) == 0) {
			gt = memmem(lt, n - end, "-->", 3);
			i = gt != NULL ? (size_t)(gt - s) + 3 : n;
			continue;
		}
		gt = memchr(lt, '>', n - end);
		i = gt != NULL ? (size_t)(gt - s) + 1 : n;
		st->soft = 0;
		md_html_tag(st, lt, i - end);
	}
	if (st->open && st->html_lo != (size_t)-1) {
		st->src_lo = st->html_lo;	/* the block is the HTML's */
		st->src_hi = st->html_hi;
	}
}

static int
md_enter_span(MD_SPANTYPE type, void *detail, void *arg)
{
	struct md_state	*st = arg;

	if (st->in_cell)
		return 0;
	if (!st->open)
		md_leaf_open(st, rdoc_flow_type(st->lists, st->quote), 0);
	if (st->soft) {		/* a span starts the next line */
		struct buf	*t = &st->out->text;
		uint32_t	 a = 0;
		size_t		 j = t->len;

		while (j > st->start && (t->s[j - 1] & 0xC0) == 0x80)
			j--;
		if (j > st->start)
			utf8_decode((const uint8_t *)t->s + j - 1,
			    t->len - j + 1, &a);
		if (a != 0 && !width_is_cjk(a))
			buf_addc(t, ' ');
		st->soft = 0;
	}
	if (type == MD_SPAN_CODE)
		md_mark(st, "`");
	else if (type == MD_SPAN_DEL)
		buf_adds(&st->out->text, "~~");
	else if (type == MD_SPAN_IMG)
		buf_adds(&st->out->text, "[image: ");
	if (st->nspan < MD_STACK) {
		st->spanstart[st->nspan] = st->out->text.len;
		st->spantype[st->nspan] = type;
	}
	st->nspan++;
	return 0;
}

static void
md_link_end(struct md_state *st, const MD_SPAN_A_DETAIL *a)
{
	char	mark[32];
	int	col = 0;

	st->out->nlinks++;	/* the URL is shown and written: sanitised too */
	sanitize_line(&st->out->links, a->href.text, a->href.size, &col);
	buf_addc(&st->out->links, '\n');
	snprintf(mark, sizeof mark, "[%zu]", st->out->nlinks);
	buf_adds(&st->out->text, mark);
}

static int
md_leave_span(MD_SPANTYPE type, void *detail, void *arg)
{
	struct md_state	*st = arg;
	size_t		 start;
	static const int styles[] = {
		[MD_SPAN_EM] = STYLE_EMPH, [MD_SPAN_STRONG] = STYLE_STRONG,
		[MD_SPAN_A] = STYLE_LINK, [MD_SPAN_IMG] = STYLE_EMPH,
		[MD_SPAN_CODE] = STYLE_CODE, [MD_SPAN_DEL] = STYLE_STRIKE,
	};

	if (st->in_cell || st->nspan == 0)
		return 0;
	st->nspan--;
	if (st->nspan >= MD_STACK || !st->open)
		return 0;
	start = st->spanstart[st->nspan];
	if (type == MD_SPAN_IMG)
		md_image_alt(st, start);
	if ((size_t)type < sizeof styles / sizeof *styles && styles[type] != 0 &&
	    st->out->text.len > start) {
		md_span_add(st, start, styles[type]);
		if (type == MD_SPAN_A)	/* its link number, from 1 */
			st->out->spans[st->out->nspans - 1].data =
			    (uint16_t)(st->out->nlinks + 1);
	}
	if (type == MD_SPAN_CODE)
		md_mark(st, "`");
	else if (type == MD_SPAN_DEL)
		buf_adds(&st->out->text, "~~");
	else if (type == MD_SPAN_IMG)
		md_image_end(st, start);
	else if (type == MD_SPAN_A)
		md_link_end(st, detail);
	return 0;
}

/* A few named entities; numeric ones; others as they are written. */
static void
md_entity(struct md_state *st, const char *s, size_t n)
{
	struct buf	 b;
	const char	*named = NULL;
	unsigned long	 cp;
	size_t		 i;
	int		 hex = n > 3 && (s[2] == 'x' || s[2] == 'X');

	buf_init(&b);
	if (n > 3 && s[1] == '#') {	/* &#123; &#x1F600; */
		cp = strtoul(s + 2 + hex, NULL, hex ? 16 : 10);
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		buf_add_cp(&b, (uint32_t)cp);
	} else if (n > 2 && (named = entity_find(s + 1, n - 2)) != NULL)
		buf_adds(&b, named);
	else {
		md_add_flow(st, s, n);	/* not an entity: as written */
		return;
	}
	/* A line end (&#10; &NewLine;) in flowing text is a space: a
	 * paragraph's text holds none (found by fuzz_markdown). */
	for (i = 0; i < b.len && !(st->open && st->type == BLOCK_PRE); i++)
		if (b.s[i] == '\n' || b.s[i] == '\r')
			b.s[i] = ' ';
	md_add_unit(st, b.s, b.len, s, n);
	buf_free(&b);
}

static int
md_text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *arg)
{
	struct md_state	*st = arg;

	if (s >= st->src + st->n && s < st->src + st->total)
		return 0;	/* the definitions appended: never shown */
	if (st->in_cell) {
		md_note_source(st, s, n);
		if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR)
			buf_addc(&st->cell, ' ');
		else
			buf_add(&st->cell, s, n);
		return 0;
	}
	switch (type) {
	case MD_TEXT_SOFTBR:
		st->soft = 1;
		break;
	case MD_TEXT_BR:	/* a hard break: go on in a new block */
		if (st->open && st->type != BLOCK_PRE) {
			int type2 = st->type, level = st->level;

			md_leaf_close(st);
			md_leaf_open(st, type2, level);
			st->flags |= BLOCK_CONT;
		}
		break;
	case MD_TEXT_ENTITY:
		md_entity(st, s, n);
		break;
	case MD_TEXT_NULLCHAR:
		md_add_flow(st, "\xEF\xBF\xBD", 3);
		break;
	case MD_TEXT_HTML:
		if (st->in_html) {	/* an HTML block's, gathered */
			buf_add(&st->html, s, n);
			if (s >= st->src && s < st->src + st->n) {
				size_t off = st->base + (size_t)(s - st->src);

				if (st->html_lo == (size_t)-1)
					st->html_lo = off;
				st->html_hi = off + n;
			}
			return 0;
		}
		md_html_tag(st, s, n);
		break;
	default:
		if (st->open && st->type == BLOCK_PRE)
			md_add(st, s, n);
		else
			md_add_flow(st, s, n);
	}
	md_note_source(st, s, n);	/* the leaf it went to is open now */
	return 0;
}

/* --- Front matter and detection ------------------------------------------ */

/* Length of a YAML front matter block at the start, and its title. */
static size_t
md_front_matter(const char *s, size_t n, char **title)
{
	const char	*end, *p, *t;
	size_t		 k;

	*title = NULL;
	if (n < 4 || memcmp(s, "---", 3) != 0 || (s[3] != '\n' && s[3] != '\r'))
		return 0;
	for (p = s + 4; p < s + n; p = end + 1) {
		end = memchr(p, '\n', (size_t)(s + n - p));
		if (end == NULL)
			return 0;
		k = (size_t)(end - p);
		if (k > 0 && p[k - 1] == '\r')
			k--;
		if ((k == 3 && (memcmp(p, "---", 3) == 0 ||
		    memcmp(p, "...", 3) == 0)))
			return (size_t)(end + 1 - s);
		if (*title == NULL && k > 6 && memcmp(p, "title:", 6) == 0) {
			t = p + 6;
			while (t < p + k && (*t == ' ' || *t == '"' || *t == '\''))
				t++;
			k -= (size_t)(t - p);
			while (k > 0 && (t[k - 1] == '"' || t[k - 1] == '\'' ||
			    t[k - 1] == ' '))
				k--;
			*title = xmalloc(k + 1);
			memcpy(*title, t, k);
			(*title)[k] = '\0';
		}
	}
	return 0;
}

void
markdown_begin(struct md_doc *out, const char *s, size_t n)
{
	memset(out, 0, sizeof *out);
	buf_init(&out->text);
	buf_init(&out->links);
	buf_init(&out->defs);
	out->skip = md_front_matter(s, n, &out->title);
	if (out->skip == 0 && out->title != NULL) {
		free(out->title);
		out->title = NULL;
	}
	if (out->title != NULL) {	/* the status line shows it */
		char	*raw = out->title;

		out->title = sanitize_dup(raw, strlen(raw));
		free(raw);
	}
}

/* Is the line [s, e) a table's delimiter row (| :-- | -- |)? */
static int
md_is_delim_row(const char *s, const char *e)
{
	int	pipe = 0, dash = 0;

	for (; s < e; s++) {
		if (*s == '|')
			pipe = 1;
		else if (*s == '-')
			dash = 1;
		else if (*s != ':' && *s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	}
	return pipe && dash;
}

/*
 * md4c wants three characters in each cell of a delimiter row, GitHub
 * one: "| :-: | -- |" is a table there.  A short cell is widened into
 * its own blanks (" -- " becomes " ---"), so that no offset moves.
 * Returns whether the row has such a cell; changes it if write.
 */
static int
md_widen_cells(char *s, char *e, int write)
{
	char	*c, *q, *f, *l;
	size_t	 len, k;
	int	 lc, rc, found = 0;

	for (c = s; c < e; c = q + 1) {
		for (q = c; q < e && *q != '|'; q++)
			;
		len = (size_t)(q - c);
		for (k = 0, f = l = NULL; c + k < q; k++)
			if (c[k] == '-' || c[k] == ':') {
				f = f != NULL ? f : c + k;
				l = c + k;
			}
		if (f == NULL || l - f + 1 >= 3 || len < 3)
			continue;
		found = 1;
		if (!write)
			continue;
		lc = *f == ':';
		rc = *l == ':' && l > f;
		memset(c, ' ', len);
		memset(c + len - 3, '-', 3);
		if (lc)
			c[len - 3] = ':';
		if (rc)
			c[len - 1] = ':';
	}
	return found;
}

/*
 * Finds (and with write, widens) the short delimiter cells of the tables
 * in n bytes of Markdown.
 */
static int
md_fix_tables(char *s, size_t n, int write)
{
	char	*p = s, *e, *end = s + n, *prev = NULL;
	int	 found = 0;

	for (; p < end; prev = p, p = e + 1) {
		if ((e = memchr(p, '\n', end - p)) == NULL)
			e = end;
		if (prev != NULL && memchr(prev, '|', p - prev) != NULL &&
		    md_is_delim_row(p, e))
			found |= md_widen_cells(p, e, write);
		if (e == end || (found && !write))
			break;
	}
	return found;
}

int
markdown_parse_piece(struct md_doc *out, const char *s, size_t start,
    size_t end)
{
	MD_PARSER	 parser;
	struct md_state	 st;
	char		*buf = NULL;
	const char	*p;
	size_t		 total;
	int		 rc;

	if (start < out->skip)
		start = out->skip < end ? out->skip : end;
	p = s + start;
	total = end - start;
	if (out->defs.len > 0) {	/* "[x]: url" from anywhere else */
		buf = xmalloc(total + 2 + out->defs.len);
		memcpy(buf, p, total);
		memcpy(buf + total, "\n\n", 2);
		memcpy(buf + total + 2, out->defs.s, out->defs.len);
		p = buf;
	}
	if (md_fix_tables((char *)p, total, 0)) {
		if (buf == NULL) {
			buf = xmalloc(total + 1);
			memcpy(buf, p, total);
			p = buf;
		}
		md_fix_tables(buf, total, 1);
	}
	memset(&st, 0, sizeof st);
	memset(&parser, 0, sizeof parser);
	buf_init(&st.cell);
	buf_init(&st.html);
	st.out = out;
	st.src = p;
	st.n = end - start;
	st.total = out->defs.len > 0 ? total + 2 + out->defs.len : total;
	st.base = start;
	parser.flags = MD_DIALECT_GITHUB;
	parser.enter_block = md_enter_block;
	parser.leave_block = md_leave_block;
	parser.enter_span = md_enter_span;
	parser.leave_span = md_leave_span;
	parser.text = md_text;
	rc = md_parse(p, (MD_SIZE)st.total, &parser, &st);
	md_leaf_close(&st);
	md_table_free(&st);
	buf_free(&st.cell);
	buf_free(&st.html);
	free(st.runs.v);
	free(buf);
	return rc == 0 ? 0 : -1;
}

int
markdown_parse(const char *s, size_t n, struct md_doc *out)
{
	markdown_begin(out, s, n);
	return markdown_parse_piece(out, s, 0, n);
}

/* --- Pieces --------------------------------------------------------------- */

/* Bytes of white space (blanks and line ends) at s, at most n. */
static size_t
md_spaces(const char *s, size_t n)
{
	size_t	i = 0;

	while (i < n && strchr(" \t\r\n", s[i]) != NULL && s[i] != '\0')
		i++;
	return i;
}

/* Bytes of up to 3 spaces of indentation. */
static size_t
md_indent(const char *s, size_t n)
{
	size_t	i = 0;

	while (i < n && i < 3 && s[i] == ' ')
		i++;
	return i;
}

/* A fence line: its character and length (0 if it is not one). */
static size_t
md_fence(const char *s, size_t n, char *c)
{
	size_t	i = md_indent(s, n), k = i;

	if (i >= n || (s[i] != '`' && s[i] != '~'))
		return 0;
	while (k < n && s[k] == s[i])
		k++;
	if (k - i < 3)
		return 0;
	*c = s[i];
	return k - i;
}

/* Does the fence of k characters on this line end there (a closing one)? */
static int
md_closes(const char *s, size_t n, size_t k)
{
	size_t	i = md_indent(s, n) + k;

	return md_spaces(s + i, n - i) == n - i;
}

/* The end of the HTML block a line opens when blank lines cannot end it. */
static const char *
md_html_end(const char *s, size_t n)
{
	static const char *const open[][2] = {
		{ "<!--", "-->" }, { "<pre", "</pre>" },
		{ "<script", "</script>" }, { "<style", "</style>" },
		{ "<textarea", "</textarea>" },
	};
	size_t	i = md_indent(s, n), k;

	if (i >= n || s[i] != '<')
		return NULL;
	for (k = 0; k < sizeof open / sizeof *open; k++)
		if (n - i >= strlen(open[k][0]) &&
		    strncasecmp(s + i, open[k][0], strlen(open[k][0])) == 0)
			return memmem(s, n, open[k][1], strlen(open[k][1])) ?
			    NULL : open[k][1];
	return NULL;
}

/* Can a piece start with this line (nothing above can continue into it)? */
static int
md_piece_can_start(const char *s, size_t n)
{
	return n > 0 && strchr(" \t>-*+_=|:0123456789", s[0]) == NULL;
}

/*
 * May a line starting with c matter to where a piece ends (a blank line,
 * a fence, an HTML block, indentation)?  tight: to fences and HTML blocks
 * only.
 */
static int
md_piece_char(unsigned char c, int tight)
{
	return c == ' ' || c == '`' || c == '~' || c == '<' || (!tight &&
	    (c == '\t' || c == '\r' || c == '\n'));
}

#if defined(__GNUC__)
typedef unsigned char	md_v16 __attribute__((vector_size(16)));

/*
 * The first line start at or after pos whose first byte may matter (a
 * blank line, a fence, an HTML block, indentation), 16 bytes at a time:
 * the lines between can change nothing but the blank-line flag.
 */
static size_t
md_next_candidate(const char *s, size_t n, size_t pos, int tight)
{
	md_v16		a, b, a2, b2, nl, sp, c1, c2, c3, bt, ti, lt, m, m2;
	uint64_t	h[2];
	size_t		i = pos > 0 ? pos - 1 : 0, j;

	if (pos >= n || md_piece_char((unsigned char)s[pos], tight))
		return pos;
	memset(&nl, '\n', 16);
	memset(&sp, ' ', 16);
	memset(&c1, tight ? ' ' : '\t', 16);	/* tight: no blank lines */
	memset(&c2, tight ? ' ' : '\r', 16);
	memset(&bt, '`', 16);
	memset(&ti, '~', 16);
	memset(&c3, tight ? ' ' : '\n', 16);
	memset(&lt, '<', 16);
	for (; i + 33 <= n; i += 32) {
		memcpy(&a, s + i, 16);
		memcpy(&b, s + i + 1, 16);
		memcpy(&a2, s + i + 16, 16);
		memcpy(&b2, s + i + 17, 16);
		m = (md_v16)((a == nl) & ((b == sp) | (b == c1) | (b == c2) |
		    (b == c3) | (b == bt) | (b == ti) | (b == lt)));
		m2 = (md_v16)((a2 == nl) & ((b2 == sp) | (b2 == c1) |
		    (b2 == c2) | (b2 == c3) | (b2 == bt) | (b2 == ti) |
		    (b2 == lt)));
		memcpy(h, &m, sizeof h);
		if ((h[0] | h[1]) != 0) {
			for (j = 0; j < 16; j++)
				if (m[j] && md_piece_char(
				    (unsigned char)s[i + j + 1], tight))
					return i + j + 1;
		}
		memcpy(h, &m2, sizeof h);
		if ((h[0] | h[1]) != 0) {
			for (j = 0; j < 16; j++)
				if (m2[j] && md_piece_char(
				    (unsigned char)s[i + j + 17], tight))
					return i + j + 17;
		}
	}
	for (; i + 1 < n; i++)
		if (s[i] == '\n' && md_piece_char((unsigned char)s[i + 1],
		    tight))
			return i + 1;
	return n;
}
#else
static size_t
md_next_candidate(const char *s, size_t n, size_t pos, int tight)
{
	size_t	i;

	if (pos >= n || md_piece_char((unsigned char)s[pos], tight))
		return pos;
	for (i = pos; i + 1 < n; i++)
		if (s[i] == '\n' && md_piece_char((unsigned char)s[i + 1],
		    tight))
			return i + 1;
	return n;
}
#endif

/*
 * What is open (struct md_open, markdown.h) after the line [pos, next)
 * (before it: *st); returns where the next line that may matter starts
 * (an HTML block's end found with memmem), or n.
 */
static size_t
md_scan_line(const char *s, size_t n, size_t pos, size_t next, int tight,
    struct md_open *st)
{
	size_t		 len = next - pos, k;
	const char	*x;
	char		 c;

	if (st->html != NULL) {
		if (memmem(s + pos, len, st->html, strlen(st->html)) != NULL)
			st->html = NULL;
	} else if ((k = md_fence(s + pos, len, &c)) > 0) {
		if (st->fence == 0) {
			st->fence = k;
			st->fc = c;
		} else if (c == st->fc && k >= st->fence && md_closes(s + pos,
		    len, k))
			st->fence = 0;
	} else if (st->fence == 0)
		st->html = md_html_end(s + pos, len);
	if (st->html == NULL)
		return md_next_candidate(s, n, next, tight);
	x = memmem(s + next, n - next, st->html, strlen(st->html));
	if (x == NULL)
		return n;
	while (x > s + next && x[-1] != '\n')
		x--;
	return (size_t)(x - s);
}

/*
 * The first line at or after start, min bytes on, that a piece may start
 * with (after a blank line, outside fenced code and HTML blocks, one
 * nothing above could continue), from the state *st at start; n if none.
 * Lines are looked at one by one only where one may matter (see
 * md_next_candidate): the line after a blank one, and, inside an HTML
 * block, the line where its end is.
 */
static size_t
md_piece_from(const char *s, size_t n, size_t start, size_t min,
    struct md_open *st)
{
	size_t		 pos = start, next, len, k;
	const char	*nl;
	int		 blank = 0;

	for (; pos < n; pos = next) {
		nl = memchr(s + pos, '\n', n - pos);
		next = nl != NULL ? (size_t)(nl - s) + 1 : n;
		len = next - pos;
		if (blank && st->fence == 0 && st->html == NULL &&
		    pos >= start + min && md_piece_can_start(s + pos, len))
			return pos;
		blank = md_spaces(s + pos, len) == len;
		if (blank)
			md_scan_line(s, n, pos, next, 0, st);
		else {
			k = md_scan_line(s, n, pos, next, 0, st);
			if (k > next)
				blank = 0;
			next = k;
		}
	}
	return n;
}

size_t
markdown_piece_end(const char *s, size_t n, size_t start)
{
	struct md_open	st;

	memset(&st, 0, sizeof st);
	return md_piece_from(s, n, start, MD_PIECE, &st);
}

/*
 * What is open at the first line at or after to that may open or close a
 * block, from *st at such a line pos; returns that line.
 */
static size_t
md_scan_to(const char *s, size_t n, size_t pos, size_t to,
    struct md_open *st)
{
	const char	*nl;
	size_t		 next;

	for (; pos < to && pos < n; pos = next) {
		nl = memchr(s + pos, '\n', n - pos);
		next = nl != NULL ? (size_t)(nl - s) + 1 : n;
		next = md_scan_line(s, n, pos, next, 1, st);
	}
	return pos < n ? pos : n;
}

static void
md_mark_push(struct md_marks *m, size_t pos, const struct md_open *st)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->v = xreallocarray(m->v, m->cap, sizeof *m->v);
	}
	m->v[m->n].pos = pos;
	m->v[m->n].open = *st;
	m->n++;
}

int
markdown_marks_step(struct md_marks *m, const char *s, size_t n,
    size_t bytes)
{
	struct md_open	st;
	size_t		pos, end;

	memset(&st, 0, sizeof st);
	if (m->n == 0)
		md_mark_push(m, md_next_candidate(s, n, 0, 1), &st);
	pos = m->v[m->n - 1].pos;
	end = pos + bytes;
	while (pos < n && pos < end) {
		st = m->v[m->n - 1].open;
		pos = md_scan_to(s, n, pos, pos + MD_MARK, &st);
		md_mark_push(m, pos, &st);
	}
	return pos >= n;
}

void
markdown_marks_free(struct md_marks *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}

/*
 * What is open at the first line at or after x that may matter, from the
 * marks; that line in *from.
 */
static struct md_open
md_open_at(const char *s, size_t n, const struct md_marks *m, size_t x,
    size_t *from)
{
	struct md_open	st;
	size_t		lo = 0, hi = m->n, mid;

	while (lo < hi) {	/* the last mark at or before x */
		mid = (lo + hi) / 2;
		if (m->v[mid].pos <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	lo = lo > 0 ? lo - 1 : 0;
	st = m->v[lo].open;
	*from = md_scan_to(s, n, m->v[lo].pos, x, &st);
	return st;
}

size_t
markdown_tail_start(const char *s, size_t n, size_t at,
    const struct md_marks *m, int *exact)
{
	struct md_open	st;
	size_t		x, from, p;
	const char	*nl;
	int		k;

	/* places to try, nearest first: 64 KiB, 1 MiB, 16 MiB back, 0 */
	x = at > MD_PIECE ? at - MD_PIECE : 0;
	*exact = m->n > 0 && (m->v[m->n - 1].pos >= x ||
	    m->v[m->n - 1].pos >= n);
	for (k = 0; k < 4; k++) {
		x = k < 3 && at > ((size_t)MD_PIECE << (4 * k)) ?
		    at - ((size_t)MD_PIECE << (4 * k)) : 0;
		memset(&st, 0, sizeof st);
		if (k == 3)
			from = 0;
		else if (*exact)
			st = md_open_at(s, n, m, x, &from);
		else {		/* the guess: nothing open there */
			nl = x > 0 ? memchr(s + x - 1, '\n', n - x + 1) : NULL;
			from = x == 0 ? 0 : nl != NULL ? (size_t)(nl - s) + 1 : n;
			from = md_next_candidate(s, n, from, 1);
		}
		p = md_piece_from(s, n, from, 0, &st);
		if (p <= at || k == 3)
			return p;
	}
	return n;
}

/* Is this text a link reference definition (md4c shows nothing of it)? */
static int
md_is_def(const char *s, size_t n)
{
	struct md_doc	t;
	int		is = markdown_parse(s, n, &t) == 0 && t.n == 0;

	markdown_free(&t);
	return is;
}

/* Adds the definition on the line at pos (and a title on the next): 1. */
static int
md_add_def(struct md_doc *out, const char *s, size_t n, size_t pos)
{
	const char	*nl = memchr(s + pos, '\n', n - pos);
	size_t		 end = nl != NULL ? (size_t)(nl - s) + 1 : n, k;

	k = end;
	if (end < n && (s[end] == ' ' || s[end] == '\t')) {
		while (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		/* a title on the next line */
		if (k < n && s[k] != '\0' && strchr("\"'(", s[k]) != NULL) {
			nl = memchr(s + k, '\n', n - k);
			end = nl != NULL ? (size_t)(nl - s) + 1 : n;
		}
	}
	if (!md_is_def(s + pos, end - pos))
		return 0;
	buf_add(&out->defs, s + pos, end - pos);
	buf_adds(&out->defs, "\n\n");
	return 1;
}

/* Is there a destination after "[label]:" on its line? */
static int
md_has_target(const char *p, size_t n)
{
	size_t	i = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	return i < n && p[i] != '\n' && p[i] != '\r';
}

size_t
markdown_find_defs(struct md_doc *out, const char *s, size_t n)
{
	const char	*p = s, *hit, *line, *open;
	size_t		 found = 0;

	/*
	 * memchr for the "]", then the ":": as fast as a vector scan for
	 * the pair on 10 MB of the CommonMark spec.
	 */
	while ((hit = memchr(p, ']', n - (size_t)(p - s))) != NULL) {
		p = hit + 1;
		if (p >= s + n || *p != ':')
			continue;
		line = hit;
		while (line > s && line[-1] != '\n')
			line--;
		open = line + md_indent(line, (size_t)(hit - line));
		if (*open != '[' || memchr(open + 1, ']',
		    (size_t)(hit - open - 1)) != NULL || hit == open + 1 ||
		    !md_has_target(hit + 2, n - (size_t)(hit + 2 - s)))
			continue;
		found += md_add_def(out, s, n, (size_t)(line - s));
	}
	return found;
}

void
markdown_free(struct md_doc *d)
{
	rdoc_free(d);
}

int
markdown_name(const char *path)
{
	size_t	n = path != NULL ? strlen(path) : 0;

	return (n > 3 && strcmp(path + n - 3, ".md") == 0) ||
	    (n > 9 && strcmp(path + n - 9, ".markdown") == 0);
}

/*
 * Counts the Markdown-looking lines of the first 8 KiB: ATX headings,
 * fences, list items; true if there is front matter with a title.
 */
static int
markdown_sniff_counts(const char *s, size_t n, size_t *atx, size_t *fences,
    size_t *items)
{
	size_t	i;

	*atx = *fences = *items = 0;
	if (n > 8192)
		n = 8192;
	for (i = 0; i < n; i++) {
		if (i > 0 && s[i - 1] != '\n')
			continue;
		if (s[i] == '#' && i + 1 < n && (s[i + 1] == ' ' ||
		    s[i + 1] == '#'))
			(*atx)++;
		else if (i + 3 <= n && memcmp(s + i, "```", 3) == 0)
			(*fences)++;
		else if (i + 2 <= n && (memcmp(s + i, "- ", 2) == 0 ||
		    memcmp(s + i, "* ", 2) == 0))
			(*items)++;
	}
	return n >= 4 && memcmp(s, "---\n", 4) == 0 &&
	    memmem(s, n, "\ntitle:", 7) != NULL;
}

int
markdown_plain_name(const char *path)
{
	const char	*base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	return dot == NULL || dot == base || strcmp(dot, ".txt") == 0 ||
	    strcmp(dot, ".text") == 0;
}

int
markdown_sniff(const char *s, size_t n)
{
	size_t	atx, fences, items;

	if (markdown_sniff_counts(s, n, &atx, &fences, &items))
		return 1;
	return 2 * atx + 3 * fences + items >= 4;
}

int
markdown_sniff_file(const char *s, size_t n)
{
	size_t	atx, fences, items;

	if (markdown_sniff_counts(s, n, &atx, &fences, &items))
		return 1;
	return atx >= 2 && fences >= 2;	/* not "# " comments alone */
}
