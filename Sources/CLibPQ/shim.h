#ifndef GUANLAN_CLIBPQ_SHIM_H
#define GUANLAN_CLIBPQ_SHIM_H
// libpq, PostgreSQL's C client (Debian: libpq-dev). Synchronous, like the
// SQLDatabase interface it serves.
#include <postgresql/libpq-fe.h>

static void guanlan_pq_ignore_notice(void *arg, const char *message) { (void)arg; (void)message; }

/// NOTICEs (e.g. "relation already exists, skipping") would go to stderr; drop them.
static inline void guanlan_pq_silence_notices(PGconn *conn) {
    PQsetNoticeProcessor(conn, guanlan_pq_ignore_notice, NULL);
}

/// The five-character SQLSTATE of a failed result, or NULL.
static inline const char *guanlan_pq_sqlstate(const PGresult *result) {
    return PQresultErrorField(result, PG_DIAG_SQLSTATE);
}
#endif
