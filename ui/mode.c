/*
 * mode.c: modes on a stack, as tmux's window modes.
 *
 * A mode (a prompt, the selection, a list) takes every key until it says
 * it is done; the reader's own keys go to the command table only when no
 * mode is on the stack.  A mode may put another on top of itself (a list
 * asks for a note's text); the one that took a key is the one ended by
 * UI_DONE, wherever it now is on the stack.
 */
#include <string.h>

#include "ui.h"

void
mode_push(struct pager *p, const struct mode_type *type, void *data)
{
	if (p->nmodes == MODES_MAX) {	/* never in practice: drop the new one */
		if (type->free != NULL)
			type->free(data);
		return;
	}
	p->modes[p->nmodes].type = type;
	p->modes[p->nmodes].data = data;
	p->nmodes++;
}

/* Ends the mode holding data (wherever it is on the stack). */
static void
mode_end(struct pager *p, void *data)
{
	int	i;

	for (i = p->nmodes - 1; i >= 0; i--)
		if (p->modes[i].data == data)
			break;
	if (i < 0)
		return;
	if (p->modes[i].type->free != NULL)
		p->modes[i].type->free(data);
	memmove(p->modes + i, p->modes + i + 1,
	    (size_t)(p->nmodes - i - 1) * sizeof *p->modes);
	p->nmodes--;
}

int
mode_key(struct pager *p, const struct key *k)
{
	struct mode	m;
	int		r;

	if (p->nmodes == 0)
		return -1;
	m = p->modes[p->nmodes - 1];
	r = m.type->key(p, m.data, k);
	if (r & UI_DONE) {
		mode_end(p, m.data);
		r = (r & ~UI_DONE) | UI_REDRAW | (m.type->full ? UI_CLEAR : 0);
	}
	return r;
}

int
mode_covers(const struct pager *p)
{
	int	i;

	for (i = 0; i < p->nmodes; i++)
		if (p->modes[i].type->full)
			return 1;
	return 0;
}

void
mode_draw(struct pager *p)
{
	int	i, from = 0;

	for (i = 0; i < p->nmodes; i++)
		if (p->modes[i].type->full)
			from = i;
	for (i = from; i < p->nmodes; i++)
		if (p->modes[i].type->draw != NULL)
			p->modes[i].type->draw(p, p->modes[i].data);
}

int
mode_idle(struct pager *p)
{
	struct mode	*m;

	if (p->nmodes == 0)
		return 0;
	m = &p->modes[p->nmodes - 1];
	return m->type->idle != NULL && m->type->idle(p, m->data);
}

void
mode_quit_all(struct pager *p)
{
	while (p->nmodes > 0) {
		struct mode *m = &p->modes[p->nmodes - 1];

		if (m->type->quit != NULL)
			m->type->quit(p, m->data);
		mode_end(p, m->data);
	}
}

int
mode_has(const struct pager *p, const struct mode_type *type)
{
	int	i;

	for (i = 0; i < p->nmodes; i++)
		if (p->modes[i].type == type)
			return 1;
	return 0;
}
