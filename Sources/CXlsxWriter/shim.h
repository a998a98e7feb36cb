#ifndef GRANTS_CXLSXWRITER_SHIM_H
#define GRANTS_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
/* zlib (a dependency of libxlsxwriter-dev) reads a finished workbook back to check that every part is whole. */
#include <zlib.h>
#endif
