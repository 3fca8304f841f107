// AuditChain: appends audit events to the hash-chained audit_log inside the writer's
// transaction, and verifies the chain. hash = SHA-256(prev_hash "|" canonical row), where the
// canonical row is every column but the hashes, each as "<byte length>:<bytes>|" in fixed order.
// Not thread-safe: owned by the single writer thread.
#pragma once

#include <cstdint>
#include <string>

#include "store/connection.h"
#include "store/database.h"

namespace xinan::store {

// 64 zeros: the prev_hash of the first row.
extern const char* const kGenesisHash;

// The hash of row `seq` holding `event` (with its at_millis) after `prev_hash`.
std::string AuditRowHash(const std::string& prev_hash, const AuditEvent& event, int64_t seq);

class AuditChain {
 public:
  struct Tail {
    int64_t seq = 0;
    std::string hash = kGenesisHash;
  };

  // At the start of each batch: on PostgreSQL takes the transaction-level advisory lock that
  // serialises appends of all instances, then reads the current tail.
  Status BeginBatch(Connection& conn);
  // Inserts `event` as the next row. `now` fills a zero at_millis.
  Status Append(Connection& conn, AuditEvent event, int64_t now);

  const Tail& tail() const { return tail_; }
  // Restores the tail after a job rolled back to its savepoint.
  void Restore(const Tail& t) { tail_ = t; }

 private:
  Tail tail_;
};

}  // namespace xinan::store
