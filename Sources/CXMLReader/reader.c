// See CXMLReader.h. The few libxml2 entry points are looked up by name;
// xmlError is mirrored here as libxml2 2.9–2.13 lay it out (its public ABI).
#include "CXMLReader.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int domain, code;
    char *message;
    int level;
    char *file;
    int line;
    char *str1, *str2, *str3;
    int int1, int2;   // int2: the column
    void *ctxt, *node;
} crx_xml_error;

typedef void (*structured_error_fn)(void *arg, const crx_xml_error *error);

struct library {
    void *handle;
    void *(*for_memory)(const char *, int, const char *, const char *, int);
    int (*read)(void *);
    int (*node_type)(void *);
    const unsigned char *(*local_name)(void *);
    const unsigned char *(*namespace_uri)(void *);
    const unsigned char *(*value)(void *);
    int (*is_empty)(void *);
    int (*next_attribute)(void *);
    int (*to_element)(void *);
    int (*line)(void *);
    void (*set_error_handler)(void *, structured_error_fn, void *);
    void (*free_reader)(void *);
};
static struct library lib;

static char load_message[512];
static char loaded_name[256];

static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;
static const char *load_locked(const char *library);

// Imports may start on several threads (the tests run in parallel).
const char *crx_load(const char *library) {
    pthread_mutex_lock(&load_lock);
    const char *failure = load_locked(library);
    pthread_mutex_unlock(&load_lock);
    return failure;
}

static const char *load_locked(const char *library) {
    if (lib.handle && strcmp(loaded_name, library) == 0) return NULL;
    void *h = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        snprintf(load_message, sizeof load_message, "%s", why ? why : library);
        return load_message;
    }
    struct library next = { .handle = h };
#define LOOK(field, symbol) \
    do { \
        *(void **)&next.field = dlsym(h, symbol); \
        if (!next.field) { \
            snprintf(load_message, sizeof load_message, "%s has no %s", library, symbol); \
            dlclose(h); \
            return load_message; \
        } \
    } while (0)
    LOOK(for_memory, "xmlReaderForMemory");
    LOOK(read, "xmlTextReaderRead");
    LOOK(node_type, "xmlTextReaderNodeType");
    LOOK(local_name, "xmlTextReaderConstLocalName");
    LOOK(namespace_uri, "xmlTextReaderConstNamespaceUri");
    LOOK(value, "xmlTextReaderConstValue");
    LOOK(is_empty, "xmlTextReaderIsEmptyElement");
    LOOK(next_attribute, "xmlTextReaderMoveToNextAttribute");
    LOOK(to_element, "xmlTextReaderMoveToElement");
    LOOK(line, "xmlTextReaderGetParserLineNumber");
    LOOK(set_error_handler, "xmlTextReaderSetStructuredErrorHandler");
    LOOK(free_reader, "xmlFreeTextReader");
#undef LOOK
    if (lib.handle) {   // already loaded under another name: keep that one
        dlclose(h);
        return NULL;
    }
    lib = next;
    snprintf(loaded_name, sizeof loaded_name, "%s", library);
    return NULL;
}

struct crx_reader {
    void *reader;
    int error_code, error_line, error_column;
    char error_message[256];
};

static void on_error(void *arg, const crx_xml_error *error) {
    crx_reader *r = arg;
    if (r->error_code != 0 || error == NULL || error->level < 2) return;   // keep the first error, not warnings
    r->error_code = error->code ? error->code : -1;
    r->error_line = error->line;
    r->error_column = error->int2;
    snprintf(r->error_message, sizeof r->error_message, "%s", error->message ? error->message : "");
    size_t n = strlen(r->error_message);
    while (n > 0 && (r->error_message[n - 1] == '\n' || r->error_message[n - 1] == ' ')) r->error_message[--n] = 0;
}

enum { XML_PARSE_NONET = 1 << 11, XML_PARSE_NOERROR = 1 << 5, XML_PARSE_NOWARNING = 1 << 6 };

crx_reader *crx_open(const char *bytes, int length) {
    if (!lib.handle) return NULL;
    crx_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->reader = lib.for_memory(bytes, length, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!r->reader) { free(r); return NULL; }
    lib.set_error_handler(r->reader, on_error, r);
    return r;
}

int crx_read(crx_reader *r) {
    int status = lib.read(r->reader);
    return r->error_code != 0 ? -1 : status;
}
int crx_node_type(crx_reader *r) { return lib.node_type(r->reader); }
const char *crx_local_name(crx_reader *r) { return (const char *)lib.local_name(r->reader); }
const char *crx_namespace(crx_reader *r) { return (const char *)lib.namespace_uri(r->reader); }
const char *crx_value(crx_reader *r) { return (const char *)lib.value(r->reader); }
int crx_is_empty_element(crx_reader *r) { return lib.is_empty(r->reader); }
int crx_next_attribute(crx_reader *r) { return lib.next_attribute(r->reader); }
int crx_to_element(crx_reader *r) { return lib.to_element(r->reader); }
int crx_line(crx_reader *r) { return lib.line(r->reader); }
int crx_error_code(crx_reader *r) { return r->error_code; }
int crx_error_line(crx_reader *r) { return r->error_line; }
int crx_error_column(crx_reader *r) { return r->error_column; }
const char *crx_error_message(crx_reader *r) { return r->error_message; }

void crx_close(crx_reader *r) {
    if (!r) return;
    lib.free_reader(r->reader);
    free(r);
}
