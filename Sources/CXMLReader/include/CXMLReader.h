// libxml2's streaming reader (xmlTextReader), loaded with dlopen the first
// time an import needs it, so the carereview binary does not link libxml2
// (nor the ICU and liblzma it brings): browsing never loads it.
// No libxml2 header is needed to build this target.
#ifndef CARE_REVIEW_XML_READER_H
#define CARE_REVIEW_XML_READER_H

// Loads libxml2 from `library` (e.g. "libxml2.so.2"). Returns NULL on
// success (also when already loaded), else a message saying what failed;
// the message stays valid until the next call.
const char *crx_load(const char *library);

typedef struct crx_reader crx_reader;

// Node types, as libxml2 numbers them.
enum {
    CRX_ELEMENT = 1, CRX_TEXT = 3, CRX_CDATA = 4,
    CRX_WHITESPACE = 13, CRX_SIGNIFICANT_WHITESPACE = 14, CRX_END_ELEMENT = 15
};

// A reader over `length` bytes (not copied: keep them alive until crx_close).
// No network access, no external entities or DTDs loaded. NULL if libxml2
// is not loaded or is out of memory.
crx_reader *crx_open(const char *bytes, int length);

// 1: moved to the next node; 0: end of document; -1: error (see crx_error_*).
int crx_read(crx_reader *r);
int crx_node_type(crx_reader *r);
const char *crx_local_name(crx_reader *r);
const char *crx_namespace(crx_reader *r);   // NULL where none
const char *crx_value(crx_reader *r);       // text of a text node or attribute
int crx_is_empty_element(crx_reader *r);
// Moves through the current element's attributes (1 while there is one),
// then back to the element with crx_to_element.
int crx_next_attribute(crx_reader *r);
int crx_to_element(crx_reader *r);
int crx_line(crx_reader *r);

// The first error the parser reported: libxml2's error code (0 if none),
// line, column and message.
int crx_error_code(crx_reader *r);
int crx_error_line(crx_reader *r);
int crx_error_column(crx_reader *r);
const char *crx_error_message(crx_reader *r);

void crx_close(crx_reader *r);
#endif
