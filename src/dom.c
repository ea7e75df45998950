/*
 * dom.c: tags, sums and moves over libxml2's tree (see dom.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "dom.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

static const char *const dom_names[TAG_COUNT] = {
	"", "a", "abbr", "address", "article", "aside", "audio", "b", "base",
	"bdi", "bdo", "big", "blockquote", "body", "br", "button", "canvas",
	"caption", "center", "cite", "code", "col", "colgroup", "data",
	"datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div",
	"dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font",
	"footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
	"h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img",
	"input", "ins", "kbd", "label", "legend", "li", "link", "listing",
	"main", "map", "mark", "math", "menu", "meta", "meter", "nav", "nobr",
	"noembed", "noframes", "noscript", "object", "ol", "optgroup",
	"option", "output", "p", "param", "picture", "plaintext", "pre",
	"progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search",
	"section", "select", "small", "source", "span", "strike", "strong",
	"style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
	"template", "textarea", "tfoot", "th", "thead", "time", "title", "tr",
	"track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
};

int
dom_tag_of(const char *name)
{
	int	lo = 1, hi = TAG_COUNT - 1, mid, c;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		c = strcmp(name, dom_names[mid]);
		if (c == 0)
			return mid;
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return TAG_OTHER;
}

int
dom_tag(xmlNodePtr n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE ? n->extra : TAG_OTHER;
}

int
dom_is_heading(int tag)
{
	return tag >= TAG_H1 && tag <= TAG_H6;
}

int
dom_is_block(int t)
{
	switch (t) {
	case TAG_ADDRESS: case TAG_ARTICLE: case TAG_ASIDE:
	case TAG_BLOCKQUOTE: case TAG_BODY: case TAG_CAPTION: case TAG_CENTER:
	case TAG_DD: case TAG_DETAILS: case TAG_DIALOG: case TAG_DIR:
	case TAG_DIV: case TAG_DL: case TAG_DT: case TAG_FIELDSET:
	case TAG_FIGCAPTION: case TAG_FIGURE: case TAG_FOOTER: case TAG_FORM:
	case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5:
	case TAG_H6: case TAG_HEADER: case TAG_HGROUP: case TAG_HR:
	case TAG_HTML: case TAG_LEGEND: case TAG_LI: case TAG_LISTING:
	case TAG_MAIN: case TAG_MENU: case TAG_NAV: case TAG_OL: case TAG_P:
	case TAG_PLAINTEXT: case TAG_PRE: case TAG_SEARCH: case TAG_SECTION:
	case TAG_SUMMARY: case TAG_TABLE: case TAG_TBODY: case TAG_TD:
	case TAG_TFOOT: case TAG_TH: case TAG_THEAD: case TAG_TR: case TAG_UL:
	case TAG_XMP: case TAG_FRAMESET: case TAG_NOFRAMES:
		return 1;
	}
	return 0;
}

const char *
dom_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr	a;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next) {
		if (a->name == NULL || strcasecmp((const char *)a->name, name) != 0)
			continue;
		if (a->children != NULL && a->children->type == XML_TEXT_NODE &&
		    a->children->next == NULL)
			return a->children->content != NULL ?
			    (const char *)a->children->content : "";
		return "";	/* no value, or one libxml2 split */
	}
	return NULL;
}

int
dom_hidden(xmlNodePtr n)
{
	const char	*a, *style;
	char		 buf[256];
	size_t		 k = 0;

	if (dom_attr(n, "hidden") != NULL)
		return 1;
	if ((a = dom_attr(n, "aria-hidden")) != NULL &&
	    strcasecmp(a, "true") == 0) {
		const char *c = dom_attr(n, "class");

		return c == NULL || strstr(c, "fallback-image") == NULL;
	}
	if ((style = dom_attr(n, "style")) == NULL)
		return 0;
	for (; *style != '\0' && k + 1 < sizeof buf; style++)
		if (strchr(" \t\n\r\f", *style) == NULL)
			buf[k++] = (char)(*style | (*style >= 'A' &&
			    *style <= 'Z' ? 0x20 : 0));
	buf[k] = '\0';
	return strstr(buf, "display:none") != NULL ||
	    strstr(buf, "visibility:hidden") != NULL;
}

const char *
dom_match_string(xmlNodePtr n)
{
	static char	 s[1024];
	const char	*c = dom_attr(n, "class"), *id = dom_attr(n, "id");
	size_t		 k = 0;

	for (; c != NULL && *c != '\0' && k < sizeof s / 2; c++)
		s[k++] = *c;
	s[k++] = ' ';
	for (; id != NULL && *id != '\0' && k + 1 < sizeof s; id++)
		s[k++] = *id;
	s[k] = '\0';
	return s;
}

xmlNodePtr
dom_first_elem(xmlNodePtr n)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

xmlNodePtr
dom_next_elem(xmlNodePtr n)
{
	for (n = n->next; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

size_t
dom_nelems(xmlNodePtr n)
{
	size_t	k = 0;

	for (n = dom_first_elem(n); n != NULL; n = dom_next_elem(n))
		k++;
	return k;
}

xmlNodePtr
dom_next(xmlNodePtr n, xmlNodePtr root, int skip)
{
	if (!skip && n->children != NULL && n->type == XML_ELEMENT_NODE)
		return n->children;
	if (!skip && n->children != NULL && n->type == XML_DOCUMENT_NODE)
		return n->children;
	if (!skip && n->children != NULL && n->type == XML_HTML_DOCUMENT_NODE)
		return n->children;
	while (n != NULL && n != root && n->next == NULL)
		n = n->parent;
	return n == NULL || n == root ? NULL : n->next;
}

/* --- Sums ---------------------------------------------------------------- */

static int
dom_is_comma(uint32_t c)
{
	switch (c) {
	case ',': case 0x060C: case 0xFE50: case 0xFE10: case 0xFE11:
	case 0x2E41: case 0x2E34: case 0x2E32: case 0xFF0C: case 0x3001:
	case 0xFF1B: case 0xFE51:
		return 1;
	}
	return 0;
}

static int
dom_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == 0xA0 || c == 0x3000;
}

void
dom_text_sum(struct dom *d, xmlNodePtr n, struct dom_sum *s)
{
	const uint8_t	*p = n->content;
	size_t		 len = p != NULL ? strlen((const char *)p) : 0, i = 0;
	size_t		 idx = (size_t)(uintptr_t)n->_private;
	struct dom_piece *pc = idx > 0 && idx <= d->npieces ?
	    &d->pieces[idx - 1] : NULL;
	uint32_t	 c;
	int		 seen = 0, gap = 0;

	memset(s, 0, sizeof *s);
	if (pc != NULL && pc->summed) {
		s->len = pc->sum_len;
		s->commas = pc->sum_commas;
		return;
	}
	while (i < len) {
		i += (size_t)utf8_decode(p + i, len - i, &c);
		if (dom_is_space(c)) {
			gap = seen;
			continue;
		}
		if (gap)
			s->len++;
		gap = 0;
		seen = 1;
		s->len += c < 0x300 ? 1 : width_cp(c, 1);
		s->commas += dom_is_comma(c);
	}
	s->len += gap;	/* a trailing blank separates it from what follows */
	if (pc != NULL) {
		pc->sum_len = s->len;
		pc->sum_commas = s->commas;
		pc->summed = 1;
	}
}

static size_t
dom_index(xmlNodePtr n)
{
	return (size_t)(uintptr_t)n->_private;
}

struct dom_info *
dom_info(struct dom *d, xmlNodePtr n)
{
	size_t	i = dom_index(n);

	return i > 0 && i <= d->ninfo ? &d->info[i - 1] : NULL;
}

const struct dom_sum *
dom_sum(struct dom *d, xmlNodePtr n)
{
	static const struct dom_sum	zero;
	struct dom_info			*f;

	if (n->type != XML_ELEMENT_NODE || (f = dom_info(d, n)) == NULL)
		return &zero;
	return &f->sum;
}

double
dom_link_density(struct dom *d, xmlNodePtr n)
{
	const struct dom_sum	*s = dom_sum(d, n);

	return s->len > 0 ? s->link / s->len : 0;
}

static void
dom_give_info(struct dom *d, xmlNodePtr n)
{
	if (d->ninfo == d->infocap) {
		d->infocap = d->infocap ? d->infocap * 2 : 1024;
		d->info = xreallocarray(d->info, d->infocap, sizeof *d->info);
	}
	memset(&d->info[d->ninfo], 0, sizeof d->info[d->ninfo]);
	n->_private = (void *)(uintptr_t)++d->ninfo;
}

static void
dom_add(struct dom_sum *a, const struct dom_sum *b, int sign)
{
	a->len += sign * b->len;
	a->link += sign * b->link;
	a->commas += sign * b->commas;
	a->heading += sign * b->heading;
	a->textish += sign * b->textish;
	a->list += sign * b->list;
	a->p += sign * b->p;
	a->img += sign * b->img;
	a->li += sign * b->li;
	a->input += sign * b->input;
	a->embed += sign * b->embed;
	a->table += sign * b->table;
	a->br += sign * b->br;
	a->hr += sign * b->hr;
	a->elems += sign * b->elems;
	a->blocks += sign * b->blocks;
	a->datatable += sign * b->datatable;
}

static int
dom_textish(int t)
{
	switch (t) {
	case TAG_SPAN: case TAG_LI: case TAG_TD: case TAG_BLOCKQUOTE:
	case TAG_DL: case TAG_DIV: case TAG_IMG: case TAG_OL: case TAG_P:
	case TAG_PRE: case TAG_TABLE: case TAG_UL:
		return 1;
	}
	return 0;
}

/* Text in a link to a place in the page counts for less. */
static float
dom_link_weight(xmlNodePtr a)
{
	const char	*href = dom_attr(a, "href");

	return href != NULL && href[0] == '#' && href[1] != '\0' ? 0.3f : 1.0f;
}

/* Adds an element's own part to the sum of its children. */
static void
dom_finish_sum(struct dom *d, xmlNodePtr n, struct dom_sum *s)
{
	int	t = dom_tag(n);

	s->elems++;
	switch (t) {
	case TAG_A:
		s->link = s->len * dom_link_weight(n);
		break;
	case TAG_P: s->p++; break;
	case TAG_IMG: s->img++; break;
	case TAG_LI: s->li++; break;
	case TAG_INPUT: s->input++; break;
	case TAG_OBJECT: case TAG_EMBED: case TAG_IFRAME: s->embed++; break;
	case TAG_TABLE: s->table++; break;
	case TAG_BR: s->br++; break;
	case TAG_HR: s->hr++; break;
	}
	if (dom_is_heading(t))
		s->heading = s->len;
	if (t == TAG_UL || t == TAG_OL)
		s->list = s->len;
	switch (t) {
	case TAG_BLOCKQUOTE: case TAG_DL: case TAG_DIV: case TAG_IMG:
	case TAG_OL: case TAG_P: case TAG_PRE: case TAG_TABLE: case TAG_UL:
		s->blocks++;
	}
	if (dom_info(d, n) != NULL && dom_info(d, n)->datatable)
		s->datatable++;
}

/* The textish sum counts text once for each textish element around it. */
static void
dom_child_sum(xmlNodePtr c, const struct dom_sum *cs, struct dom_sum *s)
{
	dom_add(s, cs, 1);
	if (dom_textish(dom_tag(c)))
		s->textish += cs->len;
}

/* Scripts, styles and the like add no text. */
static int
dom_silent(int t)
{
	return t == TAG_SCRIPT || t == TAG_STYLE || t == TAG_TEMPLATE ||
	    t == TAG_NOSCRIPT || t == TAG_TITLE;
}

/* An element's sum from its children's (which are up to date). */
static void
dom_sum_node(struct dom *d, xmlNodePtr n)
{
	struct dom_info	*f = dom_info(d, n);
	struct dom_sum	 ts;
	xmlNodePtr	 c;

	if (f == NULL)
		return;
	memset(&f->sum, 0, sizeof f->sum);
	if (!dom_silent(dom_tag(n)))
		for (c = n->children; c != NULL; c = c->next) {
			if (c->type == XML_TEXT_NODE ||
			    c->type == XML_CDATA_SECTION_NODE) {
				dom_text_sum(d, c, &ts);
				dom_add(&f->sum, &ts, 1);
			} else if (c->type == XML_ELEMENT_NODE)
				dom_child_sum(c, dom_sum(d, c), &f->sum);
		}
	dom_finish_sum(d, n, &f->sum);
}

/*
 * Computes the sums of the subtree at root, without recursion: children
 * first, each element's sum built from its children's.
 */
static void
dom_sum_tree(struct dom *d, xmlNodePtr root, struct dom_sum *out)
{
	xmlNodePtr	n = root;

	for (;;) {
		if (n->type == XML_ELEMENT_NODE && n->children != NULL &&
		    !dom_silent(dom_tag(n))) {
			n = n->children;
			continue;
		}
		for (;;) {	/* n is done: finish it, then its parents */
			if (n->type == XML_ELEMENT_NODE)
				dom_sum_node(d, n);
			if (n == root)
				goto done;
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
done:
	if (root->type == XML_ELEMENT_NODE)
		*out = *dom_sum(d, root);
	else if (root->type == XML_TEXT_NODE)
		dom_text_sum(d, root, out);
	else
		memset(out, 0, sizeof *out);
}

/*
 * Adds (sign 1) or takes (-1) a subtree's sums to or from its ancestors:
 * what changes at one level (a link's weighted text, a heading's or a
 * list's text, textish text) is what the next level up gets.
 */
static void
dom_propagate(struct dom *d, xmlNodePtr n, int sign)
{
	struct dom_sum	 delta, zero;
	xmlNodePtr	 p, c;

	memset(&zero, 0, sizeof zero);
	if (n->type == XML_ELEMENT_NODE)
		dom_add(&zero, dom_sum(d, n), sign);
	else if (n->type == XML_TEXT_NODE) {
		dom_text_sum(d, n, &delta);
		dom_add(&zero, &delta, sign);
	} else
		return;
	delta = zero;
	for (c = n, p = n->parent; p != NULL && p->type == XML_ELEMENT_NODE;
	    c = p, p = p->parent) {
		struct dom_info	*f = dom_info(d, p);
		int		 t = dom_tag(p);
		float		 link;
		int32_t		 old;

		if (f == NULL || dom_silent(t))
			break;
		if (dom_textish(dom_tag(c)))
			delta.textish += delta.len;
		link = f->sum.link;
		dom_add(&f->sum, &delta, 1);
		if (t == TAG_A) {
			f->sum.link = f->sum.len * dom_link_weight(p);
			delta.link = f->sum.link - link;
		}
		if (dom_is_heading(t)) {
			old = f->sum.heading - delta.heading;
			f->sum.heading = f->sum.len;
			delta.heading = f->sum.heading - old;
		}
		if (t == TAG_UL || t == TAG_OL) {
			old = f->sum.list - delta.list;
			f->sum.list = f->sum.len;
			delta.list = f->sum.list - old;
		}
	}
}

void
dom_resum(struct dom *d, xmlNodePtr n)
{
	struct dom_sum	s;

	if (n->parent != NULL)
		dom_propagate(d, n, -1);
	dom_sum_tree(d, n, &s);
	if (n->parent != NULL)
		dom_propagate(d, n, 1);
}

/* --- Preparing the tree -------------------------------------------------- */

/* Replaces element e by its children (keeping them in place). */
static void
dom_unwrap(xmlNodePtr e)
{
	xmlNodePtr	c, next;

	for (c = e->children; c != NULL; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		c->parent = e->parent;
		c->prev = e->prev;
		c->next = e;
		if (e->prev != NULL)
			e->prev->next = c;
		else if (e->parent != NULL)
			e->parent->children = c;
		e->prev = c;
	}
}

/*
 * Below DOM_DEPTH, elements are replaced by their children: the deepest
 * allowed element keeps the text of all its descendants, in order.
 */
static void
dom_flatten(struct dom *d, xmlNodePtr e)
{
	xmlNodePtr	c, next;
	int		again = 1;

	while (again) {
		again = 0;
		for (c = e->children; c != NULL; c = next) {
			next = c->next;
			if (c->type != XML_ELEMENT_NODE || c->children == NULL)
				continue;
			next = c->children;	/* look at them next */
			dom_unwrap(c);
			xmlUnlinkNode(c);
			xmlAddChild(d->trash, c);
			again = 1;
		}
	}
}

/*
 * The tag of a name, remembered by the name's address: the parser keeps
 * one copy of each name, so a page's thousands of elements look up a few
 * dozen names.
 */
static int
dom_tag_cached(const xmlChar *name)
{
	static const xmlChar	*keys[256];
	static char		 copies[256][16];
	static unsigned short	 tags[256];
	size_t			 h = ((uintptr_t)name >> 4) & 255;

	/* the copy: another parse may reuse the address for another name */
	if (keys[h] == name && strcmp(copies[h], (const char *)name) == 0)
		return tags[h];
	tags[h] = (unsigned short)dom_tag_of((const char *)name);
	if (strlen((const char *)name) < sizeof copies[h]) {
		keys[h] = name;
		strcpy(copies[h], (const char *)name);
	} else
		keys[h] = NULL;
	return tags[h];
}

void
dom_prepare(struct dom *d)
{
	xmlNodePtr	 root = xmlDocGetRootElement(d->doc), n;
	struct dom_sum	 s;
	int		 depth = 0;

	d->trash = xmlNewDocNode(d->doc, NULL, BAD_CAST "trash", NULL);
	xmlAddChild((xmlNodePtr)d->doc, d->trash);	/* freed with it */
	if (root == NULL)
		return;
	for (n = root; n != NULL; ) {
		if (n->type == XML_ELEMENT_NODE) {
			n->extra = (unsigned short)dom_tag_cached(n->name);
			dom_give_info(d, n);
			if (depth == DOM_DEPTH)
				dom_flatten(d, n);
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			depth++;
			continue;
		}
		while (n != NULL && n != root && n->next == NULL) {
			n = n->parent;
			depth--;
		}
		n = n == NULL || n == root ? NULL : n->next;
	}
	dom_sum_tree(d, root, &s);
}

/* --- Changing the tree --------------------------------------------------- */

xmlNodePtr
dom_new_elem(struct dom *d, const char *name)
{
	xmlNodePtr	n = xmlNewDocNode(d->doc, NULL, BAD_CAST name, NULL);

	n->extra = (unsigned short)dom_tag_of(name);
	dom_give_info(d, n);
	dom_sum_node(d, n);	/* its own part: a p counts as one */
	return n;
}

void
dom_rename(struct dom *d, xmlNodePtr n, const char *name)
{
	struct dom_info	*f = dom_info(d, n);

	if (n->parent != NULL && f != NULL)
		dom_propagate(d, n, -1);
	if (f != NULL && f->orig == 0)
		f->orig = (uint8_t)dom_tag(n);
	xmlNodeSetName(n, BAD_CAST name);
	n->extra = (unsigned short)dom_tag_of(name);
	if (f != NULL) {
		dom_sum_node(d, n);	/* its own part changed */
		if (n->parent != NULL)
			dom_propagate(d, n, 1);
	}
}

/* Unlinks n without touching its text (no merging). */
static void
dom_unlink(struct dom *d, xmlNodePtr n)
{
	if (n->parent != NULL)
		dom_propagate(d, n, -1);
	xmlUnlinkNode(n);
}

void
dom_remove(struct dom *d, xmlNodePtr n)
{
	dom_unlink(d, n);
	n->parent = d->trash;
	n->prev = d->trash->last;
	n->next = NULL;
	if (d->trash->last != NULL)
		d->trash->last->next = n;
	else
		d->trash->children = n;
	d->trash->last = n;
}

void
dom_append(struct dom *d, xmlNodePtr parent, xmlNodePtr n)
{
	if (n->parent != NULL)
		dom_unlink(d, n);
	n->parent = parent;
	n->prev = parent->last;
	n->next = NULL;
	if (parent->last != NULL)
		parent->last->next = n;
	else
		parent->children = n;
	parent->last = n;
	dom_propagate(d, n, 1);
}

void
dom_insert_before(struct dom *d, xmlNodePtr sib, xmlNodePtr n)
{
	if (n->parent != NULL)
		dom_unlink(d, n);
	n->parent = sib->parent;
	n->next = sib;
	n->prev = sib->prev;
	if (sib->prev != NULL)
		sib->prev->next = n;
	else if (sib->parent != NULL)
		sib->parent->children = n;
	sib->prev = n;
	dom_propagate(d, n, 1);
}

/* --- Text ---------------------------------------------------------------- */

int
dom_is_blank(xmlNodePtr n)
{
	const unsigned char	*p = n->content;

	if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
		return 0;
	for (; p != NULL && *p != '\0'; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' &&
		    *p != '\f')
			return 0;
	return 1;
}

char *
dom_text(xmlNodePtr root, size_t max)
{
	struct buf		 b;
	xmlNodePtr		 n;
	const unsigned char	*p;
	int			 space = 0;

	buf_init(&b);
	n = root->type == XML_ELEMENT_NODE ? root->children : root;
	while (n != NULL && b.len < max) {
		if (n->type == XML_ELEMENT_NODE && dom_silent(dom_tag(n))) {
			n = dom_next(n, root, 1);
			continue;
		}
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			for (p = n->content; p != NULL && *p != '\0' &&
			    b.len < max; p++) {
				if (strchr(" \t\n\r\f", *p) != NULL) {
					space = b.len > 0;
					continue;
				}
				if (space)
					buf_addc(&b, ' ');
				space = 0;
				buf_addc(&b, (char)*p);
			}
		n = n == root ? NULL : dom_next(n, root, 0);
	}
	if (b.len >= max) {	/* no character cut in half */
		while (b.len > 0 && (b.s[b.len - 1] & 0xC0) == 0x80)
			b.len--;
		if (b.len > 0 && (unsigned char)b.s[b.len - 1] >= 0xC0)
			b.len--;
		b.s[b.len] = '\0';
	}
	return buf_take(&b, NULL);
}

void
dom_free(struct dom *d)
{
	if (d->doc != NULL)
		xmlFreeDoc(d->doc);
	free(d->info);
	free(d->pieces);
	memset(d, 0, sizeof *d);
}
