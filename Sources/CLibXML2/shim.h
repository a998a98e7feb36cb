#ifndef GRANTS_CLIBXML2_SHIM_H
#define GRANTS_CLIBXML2_SHIM_H

// ICU's types clash with Foundation's when both are seen through modules: libxml2 does not need ICU here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

/// xmlFree is a global function pointer, which Swift 6 rejects as not concurrency-safe: call it through here.
static inline void grants_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
