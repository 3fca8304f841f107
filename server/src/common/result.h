// Result<T>: a value or the Status explaining why there is none.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "common/status.h"

namespace xinan {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {    // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace xinan

#define XINAN_CONCAT_INNER(a, b) a##b
#define XINAN_CONCAT(a, b) XINAN_CONCAT_INNER(a, b)
// Declares `lhs` from a Result expression, returning its Status on failure.
#define XINAN_ASSIGN_OR_RETURN(lhs, expr) \
  XINAN_ASSIGN_OR_RETURN_IMPL(XINAN_CONCAT(_res_, __LINE__), lhs, expr)
#define XINAN_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()
