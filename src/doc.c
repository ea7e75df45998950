/*
 * doc.c: the document model.
 *
 * The source (source.c) is split into blocks by a parser (segment.c for
 * plain text); this file turns a block's source lines into its display
 * text on demand -- trimming indentation, joining the lines of a paragraph
 * (no space between CJK characters, one between words), stripping quote
 * and heading markers, sanitising -- and keeps the outline: the headings,
 * with the parser's family ranks mapped to dense levels 1, 2, 3...
 */
#include <string.h>
#include <strings.h>

#include "aozora.h"
#include "buf.h"
#include "convert.h"
#include "doc.h"
#include "jobs.h"
#include "xmlapi.h"
#include "gloss.h"
#include "heading.h"
#include "html.h"
#include "markdown.h"
#include "sanitize.h"
#include "segment.h"
#include "source.h"
#include "srcline.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

struct doc {
	struct source	 src;
	struct doc_opts	 opts;
	struct seg_habits habits;	/* measured once, used by every piece */
	size_t		 segmented;	/* source bytes segmented so far */
	struct blocks	 blocks;	/* .level holds the heading rank */
	struct text	**cache;	/* per block, NULL until built */
	size_t		 cachecap;
	uint32_t	*outline;	/* heading block indices, rank >= 1 */
	size_t		 noutline;
	size_t		 outlinecap;
	unsigned char	 used[256];	/* heading ranks seen */
	unsigned char	 level[256];	/* rank -> dense level 1, 2, 3... */
	int		 borrowed;	/* a tail: the source is another doc's */
	size_t		 start;		/* a tail: its first piece's start */
	int		 md_own;	/* a Markdown tail: its md is its own
					   (the definitions are d's) */
	struct doc_piece *pieces;	/* Markdown: where each piece's blocks
					   are, its model while loaded */
	size_t		 npieces;
	size_t		 piececap;
	size_t		 loaded;	/* pieces whose model is kept */
	uint64_t	 clock;		/* for the least recently used */
	int		 hide_marks;	/* STYLE_MARK spans are hidden */
	uint32_t	 toc_first;	/* a run of headings that may be a */
	uint32_t	 toc_n;		/* printed contents list, or 0 */
	uint32_t	 toc_seen;	/* of its entries, found again later */
	uint32_t	 toc_next;	/* the next heading to compare */
	int		 toc_done;	/* decided */
	struct md_doc	*md;		/* Markdown, HTML: the rendered blocks */
	int		 md_whole;	/* parsed as one piece (from here on) */
	int		 defs_found;	/* Markdown: md->defs holds the link
					   definitions (doc_defs) */
	struct doc	*owner;		/* a Markdown tail: the document whose
					   definitions it uses */
	struct md_marks	 marks;		/* Markdown: what is open where, for
					   tails (markdown_tail_start) */
	size_t		 tail_at;	/* a Markdown tail: the place asked for */
	int		 tail_known;	/* its start is known right, not a
					   guess (doc_tail_check) */
	struct convert	*conv;		/* texts shown in another script */
	int		 format;	/* DOC_FORMAT_* */
	int		 article;	/* HTML: doc_article() */
};

/*
 * A piece of a Markdown document: its source, its blocks (doc block
 * numbers), the number its links start after, and its rendered model
 * while loaded: at most DOC_MD_LOADED are (the least recently used is
 * dropped), and a piece dropped is parsed again when a text of it is
 * asked for, so memory follows the screen, not the size of the file.
 */
struct doc_piece {
	size_t		 start;
	size_t		 end;
	size_t		 first;		/* its first block */
	size_t		 n;
	size_t		 skip;		/* model blocks left out before first */
	size_t		 link_base;	/* links before it */
	size_t		 before;	/* where the block before it ends */
	struct md_doc	*r;		/* loaded, or NULL */
	uint64_t	 used;
};

#define DOC_MD_LOADED	16
#define DOC_MD_WHOLE	(1024 * 1024)	/* a document up to it: one piece */
#define DOC_MD_DEFS	(16 * 1024)	/* more definitions: one piece */
#define DOC_MARK_STEP	(2 * 1024 * 1024) /* scanned per doc_tail_check */

static void	doc_add_outline(struct doc *, size_t);

/* Maps the heading ranks seen so far to levels 1, 2, 3... */
static void
doc_levels(struct doc *d)
{
	int	r, next = 1;

	for (r = 1; r < 256; r++)
		d->level[r] = d->used[r] ? next++ : 0;
}

/* A heading's text without its blanks (总　　纲 is 总纲). */
static char *
doc_heading_key(struct doc *d, size_t i)
{
	int	 cached = d->cache[i] != NULL;
	char	*v = text_visible(doc_text(d, i), NULL), *p, *q;

	for (p = q = v; *p != '\0'; p++) {
		if (*p == ' ')
			continue;
		if (strncmp(p, "\xE3\x80\x80", 3) == 0) {	/* U+3000 */
			p += 2;
			continue;
		}
		*q++ = *p;
	}
	*q = '\0';
	if (!cached)
		doc_forget(d, i);
	return v;
}

/*
 * A printed contents list: three or more headings in a row near the start,
 * whose entries come again later as headings in the same order (第一章 总纲
 * ... with no page numbers).  Once two of them are found again, the run is
 * a list, not sections.
 */
#define DOC_TOC_WITHIN	400	/* blocks from the start */

/* A run of headings [i, j) ends where its first entry comes again. */
static size_t
doc_contents_end(struct doc *d, size_t i, size_t j)
{
	char	*a = doc_heading_key(d, i), *b;
	size_t	 k;
	int	 same = 0;

	for (k = i + 1; k < j && !same; k++) {
		b = doc_heading_key(d, k);
		same = strcmp(a, b) == 0;
		free(b);
	}
	free(a);
	return same ? k - 1 : j;
}

static void
doc_find_contents(struct doc *d)
{
	size_t	i, j;
	char	*a, *b;
	int	same;

	if (d->toc_done || d->md != NULL || d->borrowed)
		return;
	if (d->toc_n == 0) {
		for (i = 0; i < d->blocks.n && i < DOC_TOC_WITHIN; i = j + 1) {
			for (j = i; j < d->blocks.n &&
			    d->blocks.v[j].type == BLOCK_HEADING; j++)
				;
			if (j - i >= 3)
				j = doc_contents_end(d, i, j);
			if (j - i >= 3 && j < d->blocks.n) {
				d->toc_first = (uint32_t)i;
				d->toc_n = (uint32_t)(j - i);
				d->toc_next = (uint32_t)j;
				break;
			}
		}
		if (d->toc_n == 0) {
			d->toc_done = d->blocks.n >= DOC_TOC_WITHIN;
			return;
		}
	}
	for (; d->toc_next < d->blocks.n && !d->toc_done; d->toc_next++) {
		if (d->blocks.v[d->toc_next].type != BLOCK_HEADING)
			continue;
		a = doc_heading_key(d, d->toc_first + d->toc_seen);
		b = doc_heading_key(d, d->toc_next);
		same = strcmp(a, b) == 0;
		free(a);
		free(b);
		if (same && ++d->toc_seen == 2)
			d->toc_done = 2;
		else if (!same && d->toc_seen == 0 &&
		    d->toc_next > d->toc_first + d->toc_n + DOC_TOC_WITHIN)
			d->toc_done = 1;	/* nothing came again */
	}
	if (d->toc_done != 2)
		return;
	for (i = d->toc_first; i < d->toc_first + d->toc_n; i++) {
		struct block	*k = &d->blocks.v[i];
		size_t		 off = k->off, len = k->len;
		int		 indent = srcline_trim(d->src.data, &off, &len);

		k->type = BLOCK_LIST;	/* an entry, indented as printed */
		k->level = 0;
		k->depth = indent / 2 > 4 ? 4 : indent / 2;
		doc_forget(d, i);
	}
	memset(d->used, 0, sizeof d->used);
	d->noutline = 0;
	doc_add_outline(d, 0);
}

/* Records the headings of blocks [from, blocks.n) in the outline. */
static void
doc_add_outline(struct doc *d, size_t from)
{
	size_t	i;
	int	fresh = 0;

	for (i = from; i < d->blocks.n; i++) {
		const struct block *b = &d->blocks.v[i];

		if (b->type != BLOCK_HEADING || b->level == 0)
			continue;
		fresh |= !d->used[b->level];
		d->used[b->level] = 1;
		if (d->noutline == d->outlinecap) {
			d->outlinecap = d->outlinecap ? d->outlinecap * 2 : 64;
			d->outline = xreallocarray(d->outline, d->outlinecap,
			    sizeof *d->outline);
		}
		d->outline[d->noutline++] = (uint32_t)i;
	}
	if (fresh)
		doc_levels(d);
}

/*
 * Takes the rendered blocks [from, r->n) as the document's blocks; returns
 * how many of r's were left out before the first (a tail's).
 */
static size_t
doc_add_rendered(struct doc *d, const struct md_doc *r, size_t from)
{
	size_t	i, skip = 0;

	for (i = from; i < r->n; i++) {
		const struct md_block *m = &r->v[i];
		struct block *b;

		if (d->md_own && d->blocks.n == 0 && m->b.len == 0) {
			/*
			 * A tail's first blocks with no source (a rule, a
			 * comment): in d they sit where the block before
			 * ends, which a tail cannot know; left out.
			 */
			skip++;
			continue;
		}
		b = blocks_add(&d->blocks, m->b.type, m->b.off,
		    m->b.off + m->b.len, m->b.flags);
		b->level = m->b.level;
		b->depth = m->b.depth;
	}
	return skip;
}

/*
 * The link definitions a piece [start, end) of d is parsed with: none if
 * it holds no "]" (no reference link can be in it), else the document's,
 * found the first time a piece asks (the whole file is read for them:
 * 10-20 ms on 100 MB, so not before a first screen that needs none).
 * When there are many, the rest of the document is parsed as one piece,
 * so that they are not added to every piece.
 */
static struct buf
doc_defs(struct doc *d, size_t start, size_t end)
{
	struct doc	*o = d->owner != NULL ? d->owner : d;
	struct buf	 none;

	buf_init(&none);
	if (end <= start || memchr(d->src.data + start, ']', end - start) ==
	    NULL)
		return none;
	if (!o->defs_found) {
		o->defs_found = 1;
		markdown_find_defs(o->md, o->src.data, o->src.len);
		if (o->md->defs.len > DOC_MD_DEFS)
			o->md_whole = 1;
	}
	return o->md->defs;
}

/*
 * A model for piece p: the link definitions it needs, the document's
 * front matter, its links numbered after those before it.
 */
static struct md_doc *
doc_piece_model(struct doc *d, const struct doc_piece *p, struct buf defs)
{
	struct md_doc	*r = xcalloc(1, sizeof *r);

	buf_init(&r->text);
	buf_init(&r->links);
	r->defs = defs;			/* the document's: not freed with r */
	r->skip = d->md->skip;
	r->nlinks = p->link_base;
	r->before = p->before;
	return r;
}

static void
doc_piece_unload(struct doc *d, struct doc_piece *p)
{
	if (p->r == NULL)
		return;
	buf_init(&p->r->defs);		/* the document's */
	markdown_free(p->r);
	free(p->r);
	p->r = NULL;
	d->loaded--;
}

/* Drops the least recently used models beyond DOC_MD_LOADED. */
static void
doc_piece_evict(struct doc *d)
{
	size_t	i, old;

	while (d->loaded > DOC_MD_LOADED) {
		old = (size_t)-1;
		for (i = 0; i < d->npieces; i++)
			if (d->pieces[i].r != NULL && (old == (size_t)-1 ||
			    d->pieces[i].used < d->pieces[old].used))
				old = i;
		doc_piece_unload(d, &d->pieces[old]);
	}
}

/* The model of the piece holding block i, parsed again if dropped. */
static const struct md_block *
doc_piece_block(struct doc *d, size_t i, const struct md_doc **rp)
{
	size_t			 lo = 0, hi = d->npieces, mid;
	struct doc_piece	*p;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (d->pieces[mid].first <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	p = &d->pieces[lo - 1];
	if (p->r == NULL) {
		p->r = doc_piece_model(d, p, doc_defs(d, p->start, p->end));
		markdown_parse_piece(p->r, d->src.data, p->start, p->end);
		d->loaded++;
	}
	p->used = ++d->clock;
	*rp = p->r;
	doc_piece_evict(d);
	if (i - p->first + p->skip >= p->r->n) {
		/* the file changed under a dropped piece: an empty block */
		static const struct md_block	none;

		return &none;
	}
	return &p->r->v[i - p->first + p->skip];
}

/* Parses the next piece of a Markdown document into blocks. */
static size_t
doc_markdown_more(struct doc *d)
{
	struct doc_piece	*p;
	struct buf		 defs;
	size_t			 end, first = d->blocks.n;

	end = d->md_whole ? d->src.len : markdown_piece_end(d->src.data,
	    d->src.len, d->segmented);
	defs = doc_defs(d, d->segmented, end);	/* may make the rest one */
	if (d->md_whole)
		end = d->src.len;
	if (d->npieces == d->piececap) {
		d->piececap = d->piececap ? d->piececap * 2 : 64;
		d->pieces = xreallocarray(d->pieces, d->piececap,
		    sizeof *d->pieces);
	}
	p = &d->pieces[d->npieces++];
	memset(p, 0, sizeof *p);
	p->start = d->segmented;
	p->end = end;
	p->first = first;
	p->link_base = d->md->nlinks;
	p->before = first > 0 ? d->blocks.v[first - 1].off +
	    d->blocks.v[first - 1].len : 0;
	p->r = doc_piece_model(d, p, defs);
	markdown_parse_piece(p->r, d->src.data, d->segmented, end);
	d->loaded++;
	p->used = ++d->clock;
	p->skip = doc_add_rendered(d, p->r, 0);
	p->n = d->blocks.n - first;
	if (p->r->nlinks > d->md->nlinks) {	/* the document's list */
		buf_add(&d->md->links, p->r->links.s, p->r->links.len);
		d->md->nlinks = p->r->nlinks;
	}
	if (p->n == 0) {	/* no block: nothing to find it by */
		doc_piece_unload(d, p);
		d->npieces--;
	}
	doc_piece_evict(d);
	return end;
}

/* An HTML page is rendered whole (libxml2 parses it whole). */
static size_t
doc_html_more(struct doc *d)
{
	struct html_opts	o;
	struct html_info	info;

	o.reader = d->opts.reader;
	o.base = d->opts.base;
	o.plain_links = d->opts.plain_links;
	if (html_render(d->src.data, d->src.len, &o, d->md, &info) == 0) {
		d->article = info.article ? info.percent : -1;
		doc_add_rendered(d, d->md, 0);
	}
	return d->src.len;
}

/* A piece segmented into blocks [from, ...) up to byte end: on with it. */
static void
doc_piece_done(struct doc *d, size_t from, size_t end)
{
	d->segmented = end;
	if (d->blocks.n > d->cachecap) {
		size_t	cap = d->blocks.n + d->blocks.n / 2 + 16;

		d->cache = xreallocarray(d->cache, cap, sizeof *d->cache);
		memset(d->cache + d->cachecap, 0,
		    (cap - d->cachecap) * sizeof *d->cache);
		d->cachecap = cap;
	}
	doc_add_outline(d, from);
	doc_find_contents(d);
}

int
doc_segment_more(struct doc *d)
{
	size_t	end, from = d->blocks.n;

	if (d->segmented >= d->src.len)
		return 0;
	if (d->format == DOC_FORMAT_HTML)
		end = doc_html_more(d);
	else if (d->md != NULL)
		end = doc_markdown_more(d);
	else {
		end = segment_piece_end(d->src.data, d->src.len, d->segmented);
		segment_piece(d->src.data, d->segmented, end, &d->habits,
		    &d->blocks);
	}
	doc_piece_done(d, from, end);
	return d->segmented < d->src.len;
}

/*
 * A plain-text file of 4 MiB or more is segmented on a thread per
 * processor: each piece into a list of its own (segment_piece_apart),
 * the lists then joined in order, each as doc_segment_more joins its
 * piece.  A piece that turns out to have no block before it (the pieces
 * before were blank) is segmented again, knowing it.
 */
struct doc_apart {
	const struct doc	*d;
	struct doc_part {
		size_t		 start, end;
		int		 none_before;
		struct blocks	 blocks;
	}			*v;
};

static void
doc_segment_part(void *arg, size_t k)
{
	struct doc_apart	*a = arg;
	struct doc_part		*p = &a->v[k];

	segment_piece_apart(a->d->src.data, p->start, p->end, &a->d->habits,
	    p->none_before, &p->blocks);
}

static void
doc_segment_threads(struct doc *d)
{
	struct doc_apart	 a = { d, NULL };
	struct doc_part		*p;
	size_t			 n = 0, cap = 0, k, from, at;
	int			 cpus = jobs_cpus();

	if (d->md != NULL || d->format == DOC_FORMAT_HTML || cpus < 2 ||
	    d->src.len - d->segmented < JOBS_MIN_BYTES)
		return;
	for (at = d->segmented; at < d->src.len; at = a.v[n++].end) {
		a.v = xgrow(a.v, &cap, n + 1, sizeof *a.v);
		memset(&a.v[n], 0, sizeof *a.v);
		a.v[n].start = at;
		a.v[n].end = segment_piece_end(d->src.data, d->src.len, at);
		a.v[n].none_before = n == 0 && d->blocks.n == 0;
	}
	jobs_run(n, doc_segment_part, &a, cpus);
	for (k = 0; k < n; k++) {
		p = &a.v[k];
		if (d->blocks.n == 0 && !p->none_before) {
			p->blocks.n = 0;	/* the title may be here */
			p->none_before = 1;
			doc_segment_part(&a, k);
		}
		from = d->blocks.n;
		d->blocks.v = xgrow(d->blocks.v, &d->blocks.cap,
		    from + p->blocks.n, sizeof *d->blocks.v);
		if (p->blocks.n > 0)
			memcpy(d->blocks.v + from, p->blocks.v,
			    p->blocks.n * sizeof *p->blocks.v);
		d->blocks.n += p->blocks.n;
		free(p->blocks.v);
		doc_piece_done(d, from, p->end);
	}
	free(a.v);
}

void
doc_segment_all(struct doc *d)
{
	doc_segment_threads(d);
	while (doc_segment_more(d))
		;
}

size_t
doc_segmented(const struct doc *d)
{
	return d->segmented;
}

int
doc_complete(const struct doc *d)
{
	return d->segmented >= d->src.len;
}

int
doc_independent(const struct doc *d)
{
	return d->md == NULL && d->format != DOC_FORMAT_HTML &&
	    d->conv == NULL && !d->habits.aozora && doc_complete(d) &&
	    !d->borrowed;
}

int
doc_has_block(struct doc *d, size_t i)
{
	while (i >= d->blocks.n && doc_segment_more(d))
		;
	return i < d->blocks.n;
}

/* A document on d's source, read as d reads it (a window or a tail). */
static struct doc *
doc_borrow(const struct doc *d)
{
	struct doc	*t = xcalloc(1, sizeof *t);

	t->src = d->src;
	t->borrowed = 1;
	t->conv = d->conv;
	t->opts = d->opts;
	t->habits = d->habits;
	t->format = d->format;
	t->hide_marks = d->hide_marks;
	memcpy(t->used, d->used, sizeof t->used);
	memcpy(t->level, d->level, sizeof t->level);
	return t;
}

struct doc *
doc_open_at(struct doc *d, size_t off)
{
	struct doc	*t = doc_borrow(d);

	t->md = d->md;
	t->segmented = segment_piece_start(d->src.data, d->src.len,
	    off < d->src.len ? off : d->src.len);
	t->start = t->segmented;
	doc_segment_more(t);
	return t;
}

/*
 * A Markdown tail: its own rendered model (links numbered from 1 in it),
 * parsed from a place a piece may start at (markdown_tail_start), with
 * the document's link definitions.
 */
static struct doc *
doc_open_md_tail(struct doc *d, size_t off)
{
	struct doc	*t = doc_borrow(d);

	t->md = xcalloc(1, sizeof *t->md);
	buf_init(&t->md->text);
	buf_init(&t->md->links);
	t->owner = d;			/* its definitions are d's */
	t->md->skip = d->md->skip;
	t->md_own = 1;
	t->tail_at = off > d->md->skip ? off : d->md->skip;
	t->segmented = markdown_tail_start(d->src.data, d->src.len,
	    t->tail_at, &d->marks, &t->tail_known);
	t->start = t->segmented;
	return t;
}

struct doc *
doc_tail_again(struct doc *d, struct doc *t)
{
	size_t	at = t->tail_at;

	doc_free(t);
	t = doc_open_md_tail(d, at);
	doc_segment_all(t);
	return t;
}

int
doc_tail_check(struct doc *d, struct doc *t)
{
	int	known;
	size_t	p;

	if (d->md == NULL || d->format == DOC_FORMAT_HTML || doc_complete(d))
		return 1;
	markdown_marks_step(&d->marks, d->src.data, d->src.len,
	    DOC_MARK_STEP);		/* nothing once done */
	if (t == NULL || t->tail_known)
		return 1;
	p = markdown_tail_start(d->src.data, d->src.len, t->tail_at,
	    &d->marks, &known);
	if (!known)
		return 0;
	t->tail_known = 1;
	return p == t->start ? 1 : -1;
}

struct doc *
doc_open_tail(struct doc *d, size_t bytes)
{
	struct doc	*t;
	size_t		 off = d->src.len > bytes ? d->src.len - bytes : 0;

	t = d->md != NULL ? doc_open_md_tail(d, off) : doc_open_at(d, off);
	doc_segment_all(t);
	return t;
}

size_t
doc_base(const struct doc *d)
{
	return d->blocks.n > 0 ? d->blocks.v[0].off : d->segmented;
}

size_t
doc_start(const struct doc *d)
{
	return d->start;
}

size_t
doc_block_at(struct doc *d, uint64_t off)
{
	size_t	lo = 0, hi;

	while (!doc_complete(d) && (d->blocks.n == 0 ||
	    d->blocks.v[d->blocks.n - 1].off + d->blocks.v[d->blocks.n - 1].len
	    <= off))
		doc_segment_more(d);
	hi = d->blocks.n;
	while (lo < hi) {
		size_t	mid = (lo + hi) / 2;

		if (d->blocks.v[mid].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 ? lo - 1 : 0;
}

int
doc_level(const struct doc *d, size_t i)
{
	const struct block *b = &d->blocks.v[i];

	return b->type == BLOCK_HEADING ? d->level[b->level] : 0;
}

/*
 * Markdown: blocks and texts come from md4c.  A document up to
 * DOC_MD_WHOLE bytes, or one with many link definitions, is one piece;
 * a larger one is parsed piece by piece like plain text (markdown.h).
 */
static void
doc_markdown(struct doc *d)
{
	d->md = xcalloc(1, sizeof *d->md);
	markdown_begin(d->md, d->src.data, d->src.len);
	d->md_whole = d->src.len <= DOC_MD_WHOLE;
	d->defs_found = d->md_whole;	/* md4c sees them all in one piece */
	if (d->opts.lazy)
		doc_segment_more(d);
	else
		doc_segment_all(d);
}


/* Is this a plain text file by its name (.txt)? */
static int
doc_text_name(const char *path)
{
	const char	*dot = strrchr(path, '.');

	return dot != NULL && strchr(dot, '/') == NULL &&
	    (strcasecmp(dot, ".txt") == 0 || strcasecmp(dot, ".text") == 0);
}

/*
 * The format: asked for; else by name (a plain name or .txt may still be
 * Markdown when the text says so strongly); else by content.
 */
static int
doc_detect(const struct doc *d, const char *path)
{
	if (d->opts.format != DOC_FORMAT_AUTO)
		return d->opts.format;
	if (d->opts.reflow_off)
		return DOC_FORMAT_TEXT;
	if (path != NULL && strcmp(path, "-") != 0) {
		if (markdown_name(path))
			return DOC_FORMAT_MARKDOWN;
		if (html_name(path))
			return DOC_FORMAT_HTML;
		if (markdown_plain_name(path) &&
		    markdown_sniff_file(d->src.data, d->src.len))
			return DOC_FORMAT_MARKDOWN;
		if (!doc_text_name(path) &&
		    html_sniff(d->src.data, d->src.len) == 2)
			return DOC_FORMAT_HTML;
		return DOC_FORMAT_TEXT;
	}
	if (html_sniff(d->src.data, d->src.len) == 2)
		return DOC_FORMAT_HTML;
	if (markdown_sniff(d->src.data, d->src.len))
		return DOC_FORMAT_MARKDOWN;
	return html_sniff(d->src.data, d->src.len) == 1 ? DOC_FORMAT_HTML :
	    DOC_FORMAT_TEXT;
}

static struct doc *
doc_finish(struct doc *d, const struct doc_opts *opts, const char *path,
    char **cause)
{
	if (opts != NULL)
		d->opts = *opts;
	d->article = -1;
	d->format = doc_detect(d, path);
	if (d->format == DOC_FORMAT_HTML && xmlapi_load(cause) != 0) {
		doc_free(d);	/* libxml2 is opened for the first page */
		return NULL;
	}
	if (d->format == DOC_FORMAT_MARKDOWN) {
		doc_markdown(d);
		return d;
	}
	if (d->format == DOC_FORMAT_HTML) {
		d->md = xcalloc(1, sizeof *d->md);
		if (d->opts.base == NULL && path != NULL && strcmp(path, "-") != 0)
			d->opts.base = path;	/* links relative to the file */
		doc_segment_all(d);
		d->opts.base = NULL;	/* the caller's string is not kept */
		return d;
	}
	segment_habits(d->src.data, d->src.len, &d->habits);
	if (d->opts.reflow_off && d->habits.kept == SEG_REFLOW)
		d->habits.kept = SEG_KEEP;
	if (d->opts.lazy)
		doc_segment_more(d);
	else
		doc_segment_all(d);
	return d;
}

struct doc *
doc_open(const char *path, const struct doc_opts *opts, char **cause)
{
	struct doc		*d = xcalloc(1, sizeof *d);
	struct source_opts	 so = { NULL, 0, NULL, 0 };

	if (opts != NULL) {
		so.encoding = opts->encoding;
		so.force = opts->force;
		so.charset = opts->charset;
		so.max_stream = opts->max_stream;
	}
	if (source_open(&d->src, path, &so, cause) != 0) {
		free(d);
		return NULL;
	}
	return doc_finish(d, opts, path, cause);
}

struct doc *
doc_open_mem(const void *p, size_t n, const struct doc_opts *opts,
    char **cause)
{
	struct doc		*d = xcalloc(1, sizeof *d);
	struct source_opts	 so = { NULL, 0, NULL, 0 };

	if (opts != NULL) {
		so.encoding = opts->encoding;
		so.force = opts->force;
		so.charset = opts->charset;
		so.max_stream = opts->max_stream;
	}
	if (source_open_mem(&d->src, p, n, &so, cause) != 0) {
		free(d);
		return NULL;
	}
	return doc_finish(d, opts, NULL, cause);
}

void
doc_free(struct doc *d)
{
	size_t	i;

	if (d == NULL)
		return;
	for (i = 0; i < d->blocks.n && d->cache != NULL; i++)
		text_free(d->cache[i]);
	free(d->cache);
	free(d->blocks.v);
	free(d->outline);
	if (!d->borrowed)
		source_close(&d->src);
	for (i = 0; i < d->npieces; i++)
		doc_piece_unload(d, &d->pieces[i]);
	free(d->pieces);
	markdown_marks_free(&d->marks);
	if (d->md != NULL && (!d->borrowed || d->md_own)) {
		markdown_free(d->md);
		free(d->md);
	}
	free(d);
}

size_t
doc_nblocks(const struct doc *d)
{
	return d->blocks.n;
}

const struct block *
doc_block(const struct doc *d, size_t i)
{
	return &d->blocks.v[i];
}

const char *
doc_format(const struct doc *d)
{
	if (d->format == DOC_FORMAT_HTML)
		return d->article >= 0 ? "web page, article" : "web page";
	if (d->md != NULL)
		return "Markdown";
	if (d->habits.kept == SEG_KEEP_MAN)
		return "man page";
	if (d->habits.kept == SEG_KEEP)
		return d->opts.reflow_off ? "text, lines kept" : "git log";
	return "text";
}

const char *
doc_encoding(const struct doc *d)
{
	return d->src.encoding;
}

const char *
doc_source(const struct doc *d, size_t *len)
{
	*len = d->src.len;
	return d->src.data;
}

size_t
doc_size(const struct doc *d)
{
	return d->src.len;
}

void
doc_span(const struct doc *d, size_t *start, size_t *end)
{
	const struct block	*last;

	*start = 0;
	*end = d->src.len;
	if (!doc_complete(d) || d->blocks.n == 0)
		return;
	last = &d->blocks.v[d->blocks.n - 1];
	*start = d->blocks.v[0].off;
	if (last->off + last->len > *start)
		*end = last->off + last->len;
}


/* Strips quote markers ("> > "), returning the depth. */
static int
doc_strip_quote(const char *s, size_t *off, size_t *len)
{
	int	depth = 0;

	while (*len > 0 && s[*off] == '>') {
		depth++;
		(*off)++;
		(*len)--;
		srcline_trim(s, off, len);
	}
	return depth;
}

/* Reads the source line at *pos (before end), trimmed; 0 at the end. */
static int
doc_next_line(const char *s, size_t end, size_t *pos, size_t *off,
    size_t *len)
{
	struct srcline	l;

	if (*pos >= end)
		return 0;
	srcline_read(s, end, *pos, &l);
	*pos = l.next;
	*off = l.off;
	*len = l.len;
	srcline_trim(s, off, len);
	return 1;
}

/* Joins the lines of a paragraph, list item or quote. */
static void
doc_build_flow(struct doc *d, struct block *b, struct buf *out,
    struct runs *r)
{
	const char	*s = d->src.data;
	size_t		 pos = b->off, end = b->off + b->len, off, len;
	int		 col, depth;

	while (doc_next_line(s, end, &pos, &off, &len)) {
		if (b->type == BLOCK_QUOTE &&
		    (depth = doc_strip_quote(s, &off, &len)) > b->depth)
			b->depth = depth;
		if (len == 0)
			continue;
		if (out->len > 0 && width_join_space(srcline_last(out->s,
		    out->len), srcline_first(s + off, len)))
			buf_addc(out, ' ');
		col = 0;
		sanitize_line_map(out, s + off, len, &col, r, off);
	}
}

/* Keeps the lines of a preformatted block, trailing blanks removed. */
static void
doc_build_pre(struct doc *d, const struct block *b, struct buf *out,
    struct runs *r)
{
	const char	*s = d->src.data;
	struct srcline	 l;
	size_t		 pos = b->off, end = b->off + b->len, n;
	int		 col;

	while (pos < end) {
		srcline_read(s, end, pos, &l);
		pos = l.next;
		n = l.len;
		while (n > 0 && (s[l.off + n - 1] == ' ' || s[l.off + n - 1] == '\t'))
			n--;
		if (out->len > 0 || l.off > b->off)
			buf_addc(out, '\n');
		col = 0;
		sanitize_line_map(out, s + l.off, n, &col, r, l.off);
	}
}

/* "CHAPTER I." + " " + the title line that follows it (the last line). */
static void
doc_build_subtitle(struct doc *d, const struct block *b, size_t pos,
    struct buf *out, struct runs *r)
{
	const char	*s = d->src.data;
	size_t		 end = b->off + b->len, off, len = 0;
	int		 col = 0;

	while (doc_next_line(s, end, &pos, &off, &len) && len == 0)
		;	/* the blank lines between */
	if (len == 0)
		return;
	buf_addc(out, ' ');
	sanitize_line_map(out, s + off, len, &col, r, off);
}

static void
doc_build_heading(struct doc *d, const struct block *b, struct buf *out,
    struct runs *r)
{
	const char	*s = d->src.data;
	struct srcline	 l;
	size_t		 off, len, skip;
	int		 level, col = 0;

	srcline_read(s, b->off + b->len, b->off, &l);
	off = l.off;
	len = l.len;
	srcline_trim(s, &off, &len);
	if ((b->flags & BLOCK_ATX) &&
	    (skip = heading_atx(s + off, len, &level)) > 0) {
		off += skip;
		len -= skip;
		while (len > 0 && (s[off + len - 1] == '#' || s[off + len - 1] == ' '))
			len--;
	}
	sanitize_line_map(out, s + off, len, &col, r, off);
	if (b->flags & BLOCK_SUBTITLE)
		doc_build_subtitle(d, b, l.next, out, r);
}

/* A Markdown block's text: rendered already. */
static struct text *
doc_build_md(struct doc *d, size_t i)
{
	const struct md_doc	*md = d->md;
	const struct md_block	*m = d->npieces > 0 ?
	    doc_piece_block(d, i, &md) : &md->v[i];
	char			*s = xmalloc(m->len + 1);
	struct runs		 r = { NULL, 0, 0 };
	struct text		*t;
	size_t			 k;

	if (m->len > 0)		/* a rule alone: no text, not even a buffer */
		memcpy(s, md->text.s + m->text, m->len);
	s[m->len] = '\0';
	t = text_new(s, m->len);
	for (k = 0; k < m->nspans; k++) {
		const struct span *sp = &md->spans[m->span + k];
		uint32_t end = sp->end < m->len ? sp->end : (uint32_t)m->len;

		if (sp->start < end)
			text_add_span(t, sp->start, end, sp->style ==
			    STYLE_MARK && d->hide_marks ? STYLE_HIDDEN :
			    sp->style, sp->data);
	}
	for (k = 0; k < m->nruns; k++) {
		const struct text_run *x = &md->runs[m->run + k];

		runs_add(&r, x->text, x->tlen, x->src, x->slen);
	}
	text_set_runs(t, &r);
	t->hang = (uint16_t)m->hang;
	if (m->b.type != BLOCK_PRE && !d->opts.show_glosses)
		gloss_hide(t);
	return t;
}

static struct text *
doc_build(struct doc *d, size_t i)
{
	struct block	*b = &d->blocks.v[i];
	struct buf	 out;
	struct runs	 r = { NULL, 0, 0 };
	struct text	*t;
	size_t		 len, mark;
	char		*s;

	if (d->md != NULL)
		return doc_build_md(d, i);
	buf_init(&out);
	if (b->type == BLOCK_PRE)
		doc_build_pre(d, b, &out, &r);
	else if (b->type == BLOCK_HEADING)
		doc_build_heading(d, b, &out, &r);
	else if (b->type != BLOCK_RULE)
		doc_build_flow(d, b, &out, &r);
	s = buf_take(&out, &len);
	t = text_new(s, len);
	text_set_runs(t, &r);
	if (b->type == BLOCK_LIST &&
	    (mark = segment_list_marker(t->s, t->len)) > 0) {
		text_add_span(t, 0, (uint32_t)mark, STYLE_MARKER, 0);
		t->hang = (uint16_t)width_str(t->s, mark, 1);
	}
	if ((b->type != BLOCK_PRE || d->habits.kept != SEG_REFLOW) &&
	    !d->opts.show_glosses) {	/* not in code, but in kept lines */
		gloss_hide(t);
		if (d->habits.aozora)
			aozora_hide(t);
	}
	return t;
}

/*
 * Block i's text in the converter's script (convert.h).  Markdown code
 * and HTML blocks (preformatted, with runs; a table has none) are left as
 * they are written, as is `code` inside a text.
 */
static struct text *
doc_convert_text(struct doc *d, size_t i, struct text *t)
{
	struct text	*c;

	if (d->md != NULL && d->blocks.v[i].type == BLOCK_PRE && t->nruns > 0)
		return t;
	if ((c = convert_text(d->conv, t)) == NULL)
		return t;
	text_free(t);
	return c;
}

struct text *
doc_text(struct doc *d, size_t i)
{
	if (d->cache[i] == NULL) {
		d->cache[i] = doc_build(d, i);
		if (d->conv != NULL)
			d->cache[i] = doc_convert_text(d, i, d->cache[i]);
	}
	return d->cache[i];
}

char *
doc_visible_written(struct doc *d, size_t i, size_t *len)
{
	struct text	*t;
	char		*s;

	if (d->conv == NULL)
		return text_visible(doc_text(d, i), len);
	t = doc_build(d, i);
	s = text_visible(t, len);
	text_free(t);
	return s;
}

void
doc_forget(struct doc *d, size_t i)
{
	text_free(d->cache[i]);
	d->cache[i] = NULL;
}

/* Drops every text built so far (they are to be built otherwise). */
static void
doc_forget_all(struct doc *d)
{
	size_t	i;

	for (i = 0; i < d->blocks.n; i++)
		if (d->cache[i] != NULL)
			doc_forget(d, i);
}

void
doc_hide_marks(struct doc *d, int hide)
{
	if (d->hide_marks == hide)
		return;
	d->hide_marks = hide;
	doc_forget_all(d);
}

int
doc_cached(const struct doc *d, size_t i)
{
	return i < d->blocks.n && d->cache[i] != NULL;
}

void
doc_set_convert(struct doc *d, struct convert *cv)
{
	if (d->conv == cv)
		return;
	doc_forget_all(d);
	d->conv = cv;
}

struct convert *
doc_convert(const struct doc *d)
{
	return d->conv;
}

int
doc_is_markdown(const struct doc *d)
{
	return d->format == DOC_FORMAT_MARKDOWN;
}

int
doc_is_rendered(const struct doc *d)
{
	return d->md != NULL;
}

int
doc_kind(const struct doc *d)
{
	return d->format;
}

int
doc_article(const struct doc *d)
{
	return d->format == DOC_FORMAT_HTML ? d->article : -1;
}

int
doc_text_range(struct doc *d, size_t i, uint64_t lo, uint64_t hi, size_t *a,
    size_t *z)
{
	struct text	*t = doc_text(d, i);

	if (hi <= lo || t->nruns == 0)
		return -1;
	*a = text_at_src(t, lo);
	*z = text_at_src_end(t, hi);
	return *a < *z ? 0 : -1;
}

int
doc_source_range(struct doc *d, size_t i, size_t from, size_t to,
    uint64_t *a, uint64_t *z)
{
	struct text	*t = doc_text(d, i);
	int64_t		 x, y;

	if (to <= from || (x = text_src_start(t, from)) < 0 ||
	    (y = text_src_end(t, to)) < 0 || y <= x)
		return -1;
	*a = (uint64_t)x;
	*z = (uint64_t)y;
	return 0;
}

const char *
doc_links(const struct doc *d, size_t *n)
{
	*n = d->md != NULL ? d->md->nlinks : 0;
	return d->md != NULL && d->md->links.s ? d->md->links.s : "";
}

char *
doc_title(struct doc *d)
{
	return doc_title_as(d, 0);
}

char *
doc_title_as(struct doc *d, int written)
{
	if (d->md != NULL && d->md->title != NULL)
		return xstrdup(d->md->title);
	if (!(d->md != NULL && d->blocks.n > 0 &&
	    d->blocks.v[0].type == BLOCK_HEADING &&
	    d->blocks.v[0].level == 1) &&
	    (d->blocks.n == 0 || d->blocks.v[0].type != BLOCK_HEADING ||
	    d->blocks.v[0].level != 0))
		return NULL;
	return written ? doc_visible_written(d, 0, NULL) :
	    text_visible(doc_text(d, 0), NULL);
}

const uint32_t *
doc_outline(const struct doc *d, size_t *n)
{
	*n = d->noutline;
	return d->outline;
}

long
doc_section_of(const struct doc *d, size_t b)
{
	size_t	lo = 0, hi = d->noutline, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (d->outline[mid] <= b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}
