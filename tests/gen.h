/*
 * gen.h: generated test documents (deterministic): a traditional-Chinese
 * article with converter glosses after most characters, and a Chinese
 * Markdown article with emphasis, links, code, entities and a list; and
 * finding a shown text's model range.  Included (after unit.h) by the
 * tests that select passages in them.
 */
#ifndef FOLIO_TESTS_GEN_H
#define FOLIO_TESTS_GEN_H

#include "buf.h"
#include "passage.h"

/* The model range of the shown text q in block b (its first occurrence). */
static inline void
find_shown(struct doc *d, size_t b, const char *q, struct pos *from,
    struct pos *to)
{
	struct text	*t = doc_text(d, b);
	size_t		 n;
	char		*vis = text_visible(t, &n), *at = strstr(vis, q);

	if (at == NULL)
		fail_msg("\"%s\" is not shown in \"%s\"", q, vis);
	from->block = to->block = (uint32_t)b;
	from->off = (uint32_t)passage_model_offset(t, (size_t)(at - vis));
	to->off = (uint32_t)passage_model_offset(t, (size_t)(at - vis) +
	    strlen(q) - 1) + 1;
	while (to->off < t->len && (t->s[to->off] & 0xC0) == 0x80)
		to->off++;
	free(vis);
}

/* Han characters with a toned reading a converter would add. */
static const char *const gen_han[][2] = {
	{ "國", "guó" }, { "產", "chǎn" }, { "派", "pài" }, { "際", "jì" },
	{ "模", "mó" }, { "型", "xíng" }, { "發", "fā" }, { "展", "zhǎn" },
	{ "長", "zhǎng" }, { "理", "lǐ" }, { "解", "jiě" }, { "生", "shēng" },
	{ "成", "chéng" }, { "雲", "yún" }, { "服", "fú" }, { "務", "wù" },
	{ "資", "zī" }, { "料", "liào" }, { "安", "ān" }, { "全", "quán" },
	{ "場", "chǎng" }, { "景", "jǐng" }, { "算", "suàn" }, { "力", "lì" },
	{ "的", NULL }, { "在", "zài" }, { "與", "yǔ" }, { "是", "shì" },
};
#define GEN_NHAN	(sizeof gen_han / sizeof *gen_han)
static const char *const gen_punct[] = { ",", ".", ";", ":", "、", "。" };

static unsigned long gen_seed = 12345;

static inline unsigned
gen_rand(unsigned n)
{
	gen_seed = gen_seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(gen_seed >> 33) % n;
}

/* A traditional-Chinese article: 一、 sections, glosses after most characters. */
static inline char *
gen_glossed(void)
{
	static const char *const num[] = { "一", "二", "三", "四" };
	struct buf	b;
	int		s, p, c;

	buf_init(&b);
	buf_adds(&b, "大模型時代的國產派\n\n");
	for (s = 0; s < 4; s++) {
		buf_adds(&b, num[s]);
		buf_adds(&b, "、模(mó)型(xíng)發(fā)展\n\n");
		for (p = 0; p < 3; p++) {
			int n = 20 + (int)gen_rand(120);

			for (c = 0; c < n; c++) {
				unsigned k = gen_rand(GEN_NHAN);

				buf_adds(&b, gen_han[k][0]);
				if (gen_han[k][1] != NULL && gen_rand(10) < 8) {
					buf_addc(&b, '(');
					buf_adds(&b, gen_han[k][1]);
					buf_addc(&b, ')');
				}
				if (gen_rand(12) == 0)
					buf_adds(&b, gen_punct[gen_rand(6)]);
				if (gen_rand(25) == 0)
					buf_addc(&b, '\n');	/* hard wrapped */
			}
			buf_adds(&b, "。\n\n");
		}
	}
	return buf_take(&b, NULL);
}

/* A Chinese Markdown article with bold, links, code and entities. */
static inline char *
gen_markdown(void)
{
	struct buf	b;
	int		s, p, c;

	buf_init(&b);
	buf_adds(&b, "# Docker 入門教程\n\n");
	for (s = 0; s < 4; s++) {
		buf_adds(&b, "## 第");
		buf_adds(&b, gen_han[s][0]);
		buf_adds(&b, "節：**安裝**與 `docker run`\n\n");
		for (p = 0; p < 3; p++) {
			int n = 10 + (int)gen_rand(60);

			if (p == 2)
				buf_adds(&b, "- ");
			for (c = 0; c < n; c++) {
				switch (gen_rand(14)) {
				case 0: buf_adds(&b, "**粗體"); buf_adds(&b,
				    gen_han[gen_rand(GEN_NHAN)][0]);
				    buf_adds(&b, "**"); break;
				case 1: buf_adds(&b, "[連結](https://example.org/x)");
				    break;
				case 2: buf_adds(&b, " `code` "); break;
				case 3: buf_adds(&b, "&amp;"); break;
				case 4: buf_adds(&b, "，"); break;
				case 5: buf_adds(&b, "\n"); break;
				case 6: buf_adds(&b, " word "); break;
				default: buf_adds(&b, gen_han[gen_rand(GEN_NHAN)][0]);
				}
			}
			buf_adds(&b, "。\n\n");
		}
	}
	return buf_take(&b, NULL);
}

#endif
