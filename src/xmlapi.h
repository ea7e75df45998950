/*
 * xmlapi.h: the libxml2 functions folio calls, reached through a table
 * filled when the first web page is read (dynlib.h: linking libxml2, and
 * ICU with it, cost every start of folio over a millisecond).  Include it
 * after libxml2's headers: the names below then stand for the table's
 * entries, so that the code reads as libxml2's documentation does.
 */
#ifndef FOLIO_XMLAPI_H
#define FOLIO_XMLAPI_H

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

struct xmlapi {
	htmlParserCtxtPtr	(*create_memory_parser)(const char *, int);
	int			(*ctxt_use_options)(htmlParserCtxtPtr, int);
	void			(*free_parser)(htmlParserCtxtPtr);
	int			(*parse_document)(htmlParserCtxtPtr);
	xmlNodePtr		(*add_child)(xmlNodePtr, xmlNodePtr);
	xmlChar			*(*build_uri)(const xmlChar *, const xmlChar *);
	xmlNodePtr		(*root_element)(const xmlDoc *);
	void			(*free_doc)(xmlDocPtr);
	xmlNodePtr		(*new_doc_node)(xmlDocPtr, xmlNsPtr,
				    const xmlChar *, const xmlChar *);
	xmlChar			*(*node_content)(const xmlNode *);
	void			(*node_set_name)(xmlNodePtr, const xmlChar *);
	void			(*set_generic_error)(void *, xmlGenericErrorFunc);
	void			(*set_structured_error)(void *,
				    xmlStructuredErrorFunc);
	int			(*switch_encoding)(xmlParserCtxtPtr,
				    xmlCharEncoding);
	void			(*unlink_node)(xmlNodePtr);
	xmlFreeFunc		*free_var;	/* the address of xmlFree */
};

extern struct xmlapi xmlapi;

/* Loads libxml2; 0, or -1 with *cause set (allocated). */
int	xmlapi_load(char **cause);

#define htmlCreateMemoryParserCtxt	(xmlapi.create_memory_parser)
#define htmlCtxtUseOptions		(xmlapi.ctxt_use_options)
#define htmlFreeParserCtxt		(xmlapi.free_parser)
#define htmlParseDocument		(xmlapi.parse_document)
#define xmlAddChild			(xmlapi.add_child)
#define xmlBuildURI			(xmlapi.build_uri)
#define xmlDocGetRootElement		(xmlapi.root_element)
#define xmlFreeDoc			(xmlapi.free_doc)
#define xmlNewDocNode			(xmlapi.new_doc_node)
#define xmlNodeGetContent		(xmlapi.node_content)
#define xmlNodeSetName			(xmlapi.node_set_name)
#define xmlSetGenericErrorFunc		(xmlapi.set_generic_error)
#define xmlSetStructuredErrorFunc	(xmlapi.set_structured_error)
#define xmlSwitchEncoding		(xmlapi.switch_encoding)
#define xmlUnlinkNode			(xmlapi.unlink_node)
#undef xmlFree
#define xmlFree				(*xmlapi.free_var)

#endif
