/*
 * convert.c: block texts in another Chinese script (see convert.h).
 *
 * The shown characters of a text (hidden glosses and `code` left out) go
 * to OpenCC as one string; the result has as many characters, which are
 * put back in their places one for one, between the parts left out.  An
 * offset map from the old text to the new one carries the spans and the
 * runs over: a run that maps byte for byte is cut wherever a character's
 * length changes, so that every character still maps to its source bytes.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unistr.h>

#ifdef HAVE_OPENCC
#include <opencc.h>
#endif

#include "buf.h"
#include "convert.h"
#include "dynlib.h"
#include "xmalloc.h"

static const char *const script_names[SCRIPT_COUNT] = {
	"orig", "s", "t", "tw", "hk"
};
static const char *const script_labels[SCRIPT_COUNT] = {
	"", "简体", "繁體", "臺灣正體", "香港繁體"
};
/*
 * Each reads text in either script (s2t, s2tw and s2hk leave traditional
 * characters as they are), and each keeps the character count.  t2s
 * rather than tw2s: its character table is the one search folds with
 * (fold.h), so that what the simplified view shows is what is found.
 */
static const char *const script_configs[SCRIPT_COUNT] = {
	NULL, "t2s", "s2t", "s2tw", "s2hk"
};

struct convert {
	int	 script;
#ifdef HAVE_OPENCC
	opencc_t oc;
#endif
};

int
script_parse(const char *s)
{
	int	i;

	for (i = 0; i < SCRIPT_COUNT; i++)
		if (strcmp(s, script_names[i]) == 0)
			return i;
	return -1;
}

const char *
script_name(int s)
{
	return s >= 0 && s < SCRIPT_COUNT ? script_names[s] : "orig";
}

const char *
script_label(int s)
{
	return s >= 0 && s < SCRIPT_COUNT ? script_labels[s] : "";
}

const char *
script_config(int s)
{
	return s > 0 && s < SCRIPT_COUNT ? script_configs[s] : NULL;
}

int
convert_available(void)
{
#ifdef HAVE_OPENCC
	return 1;
#else
	return 0;
#endif
}

int
convert_script(const struct convert *cv)
{
	return cv->script;
}

#ifdef HAVE_OPENCC
/*
 * OpenCC's functions, found when the first view is asked for (dynlib.h:
 * linking OpenCC, and libstdc++ with it, cost every start of folio over a
 * millisecond).
 */
static struct convert_lib {
	opencc_t	 (*open)(const char *);
	int		 (*close)(opencc_t);
	char		*(*convert)(opencc_t, const char *, size_t);
	void		 (*free_result)(char *);
	const char	*(*error)(void);
} occ;
static void	*convert_lib;

static int
convert_load(char **cause)
{
	static const char *const names[] = {
		"libopencc.so.1.1", "libopencc.so.1", "libopencc.so", NULL
	};
	static const struct dynsym syms[] = {
		{ "opencc_open", offsetof(struct convert_lib, open) },
		{ "opencc_close", offsetof(struct convert_lib, close) },
		{ "opencc_convert_utf8", offsetof(struct convert_lib, convert) },
		{ "opencc_convert_utf8_free",
		    offsetof(struct convert_lib, free_result) },
		{ "opencc_error", offsetof(struct convert_lib, error) },
	};

	return dynlib_load(&convert_lib, names, syms, sizeof syms / sizeof *syms,
	    &occ, "libopencc1.1", cause);
}

/*
 * Opens OpenCC's configuration from its data directory, working there:
 * OpenCC looks for a configuration's dictionaries in the current
 * directory first, where a stray STPhrases.ocd2 would be taken instead.
 */
static opencc_t
convert_opencc(const char *config, char **cause)
{
	char		 path[4096];
	const char	*dir = FOLIO_OPENCC_DIR;
	opencc_t	 oc;
	int		 here, back;

	snprintf(path, sizeof path, "%s/%s.json", dir, config);
	if (access(path, R_OK) != 0) {
		*cause = xmalloc(strlen(path) + 64);
		sprintf(*cause, "OpenCC's %s is missing (%s)", path,
		    strerror(errno));
		return (opencc_t)-1;
	}
	if ((here = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    chdir(dir) != 0) {
		*cause = xstrdup("cannot open OpenCC from its directory");
		if (here != -1)
			close(here);
		return (opencc_t)-1;
	}
	oc = occ.open(path);
	back = fchdir(here);
	close(here);
	if (oc == (opencc_t)-1) {
		const char *e = occ.error();

		*cause = xmalloc(strlen(config) + strlen(e != NULL ? e : "") +
		    32);
		sprintf(*cause, "OpenCC %s: %s", config, e != NULL ? e : "");
		return oc;
	}
	if (back != 0) {
		occ.close(oc);
		*cause = xstrdup("cannot return to the current directory");
		return (opencc_t)-1;
	}
	return oc;
}
#endif

struct convert *
convert_open(int script, char **cause)
{
#ifdef HAVE_OPENCC
	struct convert	*cv;
	opencc_t	 oc;

	if (script_config(script) == NULL) {
		*cause = xstrdup("no such script");
		return NULL;
	}
	if (convert_load(cause) != 0)
		return NULL;
	if ((oc = convert_opencc(script_config(script), cause)) == (opencc_t)-1)
		return NULL;
	cv = xcalloc(1, sizeof *cv);
	cv->script = script;
	cv->oc = oc;
	return cv;
#else
	(void)script;
	*cause = xstrdup("this folio was built without OpenCC (the Debian "
	    "package libopencc-dev): no converted view");
	return NULL;
#endif
}

void
convert_close(struct convert *cv)
{
	if (cv == NULL)
		return;
#ifdef HAVE_OPENCC
	occ.close(cv->oc);
#endif
	free(cv);
}

/* Parts of a text left as they are written: hidden glosses, `code`. */
struct kept {
	uint32_t	(*v)[2];	/* [start, end), in order, apart */
	size_t		  n;
};

static void
convert_kept(const struct text *t, struct kept *kp)
{
	size_t	i;

	kp->v = xreallocarray(NULL, t->nspans + 1, sizeof *kp->v);
	kp->n = 0;
	for (i = 0; i < t->nspans; i++) {
		const struct span *sp = &t->spans[i];

		if ((sp->style != STYLE_HIDDEN && sp->style != STYLE_CODE) ||
		    sp->end <= sp->start)
			continue;
		if (kp->n > 0 && sp->start <= kp->v[kp->n - 1][1]) {
			if (sp->end > kp->v[kp->n - 1][1])
				kp->v[kp->n - 1][1] = sp->end;
			continue;
		}
		kp->v[kp->n][0] = sp->start;
		kp->v[kp->n][1] = sp->end;
		kp->n++;
	}
	kp->v[kp->n][0] = kp->v[kp->n][1] = (uint32_t)t->len;	/* the end */
}

/* The characters to convert, the kept parts left out. */
static void
convert_input(const struct text *t, const struct kept *kp, struct buf *in)
{
	size_t	i, at = 0;

	for (i = 0; i <= kp->n; i++) {
		if (kp->v[i][0] > at)
			buf_add(in, t->s + at, kp->v[i][0] - at);
		if (kp->v[i][1] > at)
			at = kp->v[i][1];
	}
}

/* Could OpenCC change anything: is there a character from U+2E80 on? */
static int
convert_has_han(const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i;

	for (i = 0; i < n; i++)
		if (u[i] > 0xE2 || (u[i] == 0xE2 && i + 1 < n && u[i + 1] >= 0xBA))
			return 1;
	return 0;
}

/*
 * Puts the converted characters (out, as many as the shown ones) in their
 * places; map[k] is the new offset of old offset k.
 */
static char *
convert_merge(const struct text *t, const struct kept *kp, const char *out,
    size_t outlen, uint32_t *map, size_t *len)
{
	struct buf	 b;
	size_t		 k = 0, w = 0, e, j, i = 0;
	int		 lo, ln;

	buf_init(&b);
	buf_reserve(&b, t->len + outlen / 8 + 16);
	while (k < t->len) {
		while (i < kp->n && kp->v[i][1] <= k)
			i++;
		if (i < kp->n && kp->v[i][0] <= k) {
			e = kp->v[i][1];
			for (j = k; j < e; j++)
				map[j] = (uint32_t)(b.len + j - k);
			buf_add(&b, t->s + k, e - k);
			k = e;
			continue;
		}
		lo = u8_mblen((const uint8_t *)t->s + k, t->len - k);
		ln = w < outlen ?
		    u8_mblen((const uint8_t *)out + w, outlen - w) : -1;
		if (lo <= 0 || ln <= 0)
			break;		/* cannot happen: both are valid */
		for (j = 0; j < (size_t)lo; j++)
			map[k + j] = (uint32_t)b.len;
		buf_add(&b, out + w, (size_t)ln);
		k += (size_t)lo;
		w += (size_t)ln;
	}
	map[t->len] = (uint32_t)b.len;
	if (k < t->len || w != outlen) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b, len);
}

/* The runs of the converted text, through the offset map. */
static void
convert_runs(const struct text *t, const uint32_t *map, struct runs *r)
{
	size_t	i, k, end, lo, ln;
	int	ml;

	for (i = 0; i < t->nruns; i++) {
		const struct text_run *x = &t->runs[i];

		end = x->text + x->tlen;
		if (x->tlen != x->slen) {	/* a unit: its ends map */
			runs_add(r, map[x->text], map[end] - map[x->text],
			    x->src, x->slen);
			continue;
		}
		for (k = x->text; k < end; k += lo) {
			ml = u8_mblen((const uint8_t *)t->s + k, t->len - k);
			lo = ml > 0 && k + (size_t)ml <= end ? (size_t)ml : 1;
			ln = map[k + lo] - map[k];
			runs_add(r, map[k], ln, x->src + (k - x->text), lo);
		}
	}
}

struct text *
convert_text(struct convert *cv, const struct text *t)
{
#ifdef HAVE_OPENCC
	struct buf	 in;
	struct kept	 kp;
	struct runs	 r = { NULL, 0, 0 };
	struct text	*nt = NULL;
	uint32_t	*map;
	char		*out, *s;
	size_t		 outlen, len, i;

	if (t->len == 0 || !convert_has_han(t->s, t->len) ||
	    u8_check((const uint8_t *)t->s, t->len) != NULL ||
	    memchr(t->s, '\0', t->len) != NULL)
		return NULL;
	buf_init(&in);
	convert_kept(t, &kp);
	convert_input(t, &kp, &in);
	if (in.len == 0 || (out = occ.convert(cv->oc, in.s,
	    in.len)) == NULL) {
		buf_free(&in);
		free(kp.v);
		return NULL;
	}
	outlen = strlen(out);
	if ((outlen == in.len && memcmp(out, in.s, outlen) == 0) ||
	    u8_check((const uint8_t *)out, outlen) != NULL ||
	    u8_mbsnlen((const uint8_t *)out, outlen) !=
	    u8_mbsnlen((const uint8_t *)in.s, in.len)) {
		occ.free_result(out);
		buf_free(&in);
		free(kp.v);
		return NULL;
	}
	buf_free(&in);
	map = xreallocarray(NULL, t->len + 1, sizeof *map);
	s = convert_merge(t, &kp, out, outlen, map, &len);
	occ.free_result(out);
	free(kp.v);
	if (s != NULL) {
		nt = text_new(s, len);
		nt->spans = xreallocarray(NULL, t->nspans + 1,
		    sizeof *nt->spans);
		for (i = 0; i < t->nspans; i++) {	/* map keeps the order */
			nt->spans[i] = t->spans[i];
			nt->spans[i].start = map[t->spans[i].start];
			nt->spans[i].end = map[t->spans[i].end];
		}
		nt->nspans = t->nspans;
		convert_runs(t, map, &r);
		text_set_runs(nt, &r);
		nt->hang = t->hang;
	}
	free(map);
	return nt;
#else
	(void)cv;
	(void)t;
	return NULL;
#endif
}
