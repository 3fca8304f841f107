// AuditChain: appends audit events to the hash-chained audit_log inside the writer's
// transaction, and verifies the chain. hash = SHA-256(prev_hash "|" canonical row), where the
// canonical row is every column but the hashes, each as "<byte length>:<bytes>|" in fixed order.
// Not thread-safe: owned by the single writer thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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
  // Chains `event` as the next row (`now` fills a zero at_millis). The row is written by Flush,
  // in the same transaction, before the batch commits: one multi-row INSERT per 64 rows instead
  // of a statement (on PostgreSQL a round trip) per event.
  void Append(AuditEvent event, int64_t now);
  // Writes the rows appended since BeginBatch. A failure fails the whole batch.
  Status Flush(Connection& conn);

  const Tail& tail() const { return tail_; }
  // After a job rolled back to its savepoint: forgets the rows it appended, restores the tail.
  void Restore(const Tail& t);

 private:
  struct PendingRow {
    int64_t seq;
    Params values;
  };
  Tail tail_;
  std::vector<PendingRow> pending_;  // in seq order
};

}  // namespace xinan::store
