/*
 * heading.h: recognise a heading from one line of plain text.
 *
 * heading_classify() looks at a single trimmed line and says which family
 * of heading it belongs to, as a rank: lower ranks are higher levels.  The
 * document later maps the ranks it uses to levels 1, 2, 3... so that a
 * novel with only 第N回 has them at level 1, and a book with EPOCH and
 * CHAPTER has those at levels 1 and 2.
 *
 * Families and ranks:
 *   1-6   # lines (Markdown ATX in plain text); setext = is 1, - is 2
 *   10    卷 部 篇 集, PART, BOOK, VOLUME, EPOCH
 *   20    章 回, CHAPTER, 序章 楔子 尾聲...
 *   25    short ALL-CAPS lines (only unindented, between blank lines:
 *         see segment.c; an indented one is a verse's title)
 *   30    節 节
 *   40    一、二十一、
 *   50    （一）
 *   60-63 1. / 1.1 / 1.1.1 / 1.1.1.1 (weak: a list of them is not headings)
 *
 * A bare chapter or part heading (CHAPTER I., 第三章) followed, alone, by
 * a short Title Case line without a sentence end takes that line as its
 * title: "CHAPTER I. The Widow and her Child." (segment.c).
 *
 * Not headings: lines that end a sentence, long lines, 第一条 (law
 * articles), table-of-contents lines ending in a page number.
 */
#ifndef FOLIO_HEADING_H
#define FOLIO_HEADING_H

#include <stddef.h>

#define HEADING_NONE		0
#define HEADING_PART		10
#define HEADING_CHAPTER		20
#define HEADING_CAPS		25
#define HEADING_SECTION		30
#define HEADING_ZH_NUM		40
#define HEADING_ZH_PAREN	50
#define HEADING_NUMBERED	60

/* Rank of the heading family of a trimmed line, or HEADING_NONE. */
int	heading_classify(const char *, size_t);
/* True for ALL-CAPS lines that may be headings when alone. */
int	heading_is_caps(const char *, size_t);
/* A chapter or part heading with nothing after its number (CHAPTER I.). */
int	heading_is_bare(const char *, size_t);
/*
 * Could this line, alone after a bare chapter heading, be its title?
 * Short, not itself a heading, Title Case in Latin script, no sentence.
 */
int	heading_is_title_line(const char *, size_t);
/*
 * A numbered section with a Title Case title and a full stop, alone on its
 * line ("0. Definitions.", "13. Use with the GNU Affero General Public
 * License."): the rank of its number, or HEADING_NONE.
 */
int	heading_numbered_title(const char *, size_t);
/*
 * Is a line alone between blank lines, indented by indent columns in a
 * document whose long lines are wrap columns wide, a centred title
 * ("Preamble", "TERMS AND CONDITIONS")?
 */
int	heading_is_centred(const char *, size_t, int indent, int wrap);
/* True for a rank whose lines in a list are list items, not headings. */
int	heading_is_weak(int rank);
/* Bytes of the "# " prefix of an ATX line (0 if none); *level set. */
size_t	heading_atx(const char *, size_t, int *level);
/* True if the line ends a sentence (。！？. ; and the like). */
int	heading_ends_sentence(const char *, size_t);

#endif
