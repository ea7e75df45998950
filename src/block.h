/*
 * block.h: the blocks a document is made of, as the parsers produce them.
 *
 * A block records where its lines are in the source text; its display text
 * is built from them on demand (doc.c).  Blocks are 16 bytes so that a
 * 100 MB novel's hundreds of thousands of paragraphs cost a few megabytes.
 */
#ifndef FOLIO_BLOCK_H
#define FOLIO_BLOCK_H

#include <stddef.h>
#include <stdint.h>

enum block_type {
	BLOCK_PARA,		/* reflowed paragraph */
	BLOCK_HEADING,		/* rank in .level (0: the title); see doc_level */
	BLOCK_LIST,		/* list item; its text starts with the marker */
	BLOCK_QUOTE,		/* quotation, depth in .depth */
	BLOCK_PRE,		/* preformatted: kept line by line */
	BLOCK_RULE,		/* thematic break */
};

#define BLOCK_INDENT	0x01	/* the paragraph's first line is indented */
#define BLOCK_SPACE	0x02	/* a blank line preceded it in the source */
#define BLOCK_CONT	0x04	/* continues the previous block (long paragraph) */
#define BLOCK_SETEXT	0x08	/* heading underlined in the next line */
#define BLOCK_ATX	0x10	/* heading marked with # */
#define BLOCK_SUBTITLE	0x20	/* heading whose title is its last line, alone */

struct block {
	uint64_t	off;	/* first byte in the source text */
	uint32_t	len;	/* bytes of source, line ends included */
	uint8_t		type;	/* enum block_type */
	uint8_t		level;	/* heading level (rank while parsing) */
	uint8_t		flags;	/* BLOCK_* */
	uint8_t		depth;	/* quote or list nesting */
};

struct blocks {
	struct block	*v;
	size_t		 n;
	size_t		 cap;
};

/* Appends a block and returns it. */
struct block	*blocks_add(struct blocks *, int type, uint64_t off,
		     uint64_t end, int flags);

#endif
