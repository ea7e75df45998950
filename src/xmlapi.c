/* xmlapi.c: libxml2, opened for the first web page (see xmlapi.h). */
#include <stddef.h>

#include "dynlib.h"
#include "xmlapi.h"

struct xmlapi	xmlapi;
static void	*xmlapi_lib;

int
xmlapi_load(char **cause)
{
	static const char *const names[] = {
		"libxml2.so.2", "libxml2.so", NULL
	};
	static const struct dynsym syms[] = {
#define XMLAPI_SYM(f, s)	{ s, offsetof(struct xmlapi, f) }
		XMLAPI_SYM(create_memory_parser, "htmlCreateMemoryParserCtxt"),
		XMLAPI_SYM(ctxt_use_options, "htmlCtxtUseOptions"),
		XMLAPI_SYM(free_parser, "htmlFreeParserCtxt"),
		XMLAPI_SYM(parse_document, "htmlParseDocument"),
		XMLAPI_SYM(add_child, "xmlAddChild"),
		XMLAPI_SYM(build_uri, "xmlBuildURI"),
		XMLAPI_SYM(root_element, "xmlDocGetRootElement"),
		XMLAPI_SYM(free_doc, "xmlFreeDoc"),
		XMLAPI_SYM(new_doc_node, "xmlNewDocNode"),
		XMLAPI_SYM(node_content, "xmlNodeGetContent"),
		XMLAPI_SYM(node_set_name, "xmlNodeSetName"),
		XMLAPI_SYM(set_generic_error, "xmlSetGenericErrorFunc"),
		XMLAPI_SYM(set_structured_error, "xmlSetStructuredErrorFunc"),
		XMLAPI_SYM(switch_encoding, "xmlSwitchEncoding"),
		XMLAPI_SYM(unlink_node, "xmlUnlinkNode"),
		XMLAPI_SYM(free_var, "xmlFree"),
#undef XMLAPI_SYM
	};

	return dynlib_load(&xmlapi_lib, names, syms, sizeof syms / sizeof *syms,
	    &xmlapi, "libxml2", cause);
}
