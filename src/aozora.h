/*
 * aozora.h: Aozora Bunko notation (青空文庫 注記) in plain text.
 *
 * Ruby is written after its base as 漢字《かんじ》, with ｜ marking where
 * the base starts when that is not clear (一番｜獰悪《どうあく》); notes for
 * the typesetter are ［＃...］, among them the headings:
 * ［＃５字下げ］一［＃「一」は中見出し］ or ［＃中見出し］一［＃中見出し終わり］.
 * In a document that uses the notation (aozora_detect), ruby, ｜ and
 * notes are hidden like glosses (hidden spans: the text keeps its bytes,
 * --gloss=show shows them), and a line with a heading note is a heading:
 * 大見出し a part, 中見出し a chapter, 小見出し a section.  《》 are left
 * alone elsewhere: Chinese writes book titles with them.
 */
#ifndef FOLIO_AOZORA_H
#define FOLIO_AOZORA_H

#include <stddef.h>

#include "buf.h"
#include "text.h"

/* Does text (its first 64 KiB) use Aozora notation? */
int	aozora_detect(const char *, size_t);
/* The heading rank (heading.h) of a line with a heading note, or 0. */
int	aozora_heading(const char *, size_t);
/* Hides ruby, ｜ and notes with STYLE_HIDDEN spans; returns how many. */
size_t	aozora_hide(struct text *);
/* Appends s without ruby, ｜ and notes (the text as shown) to out. */
size_t	aozora_strip(const char *, size_t, struct buf *);

#endif
