// Status: the error value every layer below http/ returns instead of throwing.
// A Status carries a kind (which maps to an HTTP status in one place, http/problem.cc),
// a stable snake_case code (which picks the zh-CN/en message from the catalogue),
// an English developer detail (never shown to users, never containing personal data),
// and per-field errors for validation failures.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace xinan {

enum class StatusKind {
  kOk,
  kInvalidArgument,   // 400 / 422: the request is malformed or fails validation
  kUnauthenticated,   // 401
  kPermissionDenied,  // 403: a forbidden action on a visible record
  kNotFound,          // 404: missing or outside the caller's scope
  kConflict,          // 409: duplicate or stale version
  kGone,              // 410: the thing existed but is over (a closed campaign)
  kTooLarge,          // 413
  kRateLimited,       // 429 (also account lockout)
  kUnavailable,       // 503: database down, shutting down
  kInternal,          // 500: a bug
};

// One invalid field of a request; `code` is a stable snake_case message code.
struct FieldError {
  std::string field;
  std::string code;
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status Invalid(std::string code, std::vector<FieldError> fields = {},
                        std::string detail = "") {
    return Status(StatusKind::kInvalidArgument, std::move(code), std::move(detail),
                  std::move(fields));
  }
  static Status InvalidField(std::string field, std::string code) {
    return Invalid("validation_failed", {{std::move(field), std::move(code)}});
  }
  static Status NotFound(std::string code = "not_found", std::string detail = "") {
    return Status(StatusKind::kNotFound, std::move(code), std::move(detail));
  }
  static Status Conflict(std::string code, std::string detail = "") {
    return Status(StatusKind::kConflict, std::move(code), std::move(detail));
  }
  // A conflict caused by one field's value (e.g. an ID number already registered): 409 with
  // errors [{field, code}], so a form can show it on the field.
  // 404 naming the field that found nothing (e.g. an ID number no resident has).
  static Status NotFoundField(std::string field, std::string code) {
    FieldError f{std::move(field), code};
    return Status(StatusKind::kNotFound, std::move(code), "", {std::move(f)});
  }
  static Status ConflictField(std::string field, std::string code) {
    FieldError f{std::move(field), code};
    return Status(StatusKind::kConflict, std::move(code), "", {std::move(f)});
  }
  static Status Gone(std::string code, std::string detail = "") {
    return Status(StatusKind::kGone, std::move(code), std::move(detail));
  }
  static Status Denied(std::string code = "forbidden", std::string detail = "") {
    return Status(StatusKind::kPermissionDenied, std::move(code), std::move(detail));
  }
  static Status Unauthenticated(std::string code = "unauthenticated") {
    return Status(StatusKind::kUnauthenticated, std::move(code), "");
  }
  static Status RateLimited(std::string code, std::string detail = "") {
    return Status(StatusKind::kRateLimited, std::move(code), std::move(detail));
  }
  static Status Unavailable(std::string detail) {
    return Status(StatusKind::kUnavailable, "unavailable", std::move(detail));
  }
  static Status Internal(std::string detail) {
    return Status(StatusKind::kInternal, "internal_error", std::move(detail));
  }
  static Status Make(StatusKind kind, std::string code, std::string detail = "") {
    return Status(kind, std::move(code), std::move(detail));
  }

  bool ok() const { return kind_ == StatusKind::kOk; }
  StatusKind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  const std::string& detail() const { return detail_; }
  const std::vector<FieldError>& fields() const { return fields_; }
  std::string ToString() const { return ok() ? "ok" : code_ + (detail_.empty() ? "" : ": " + detail_); }

 private:
  Status(StatusKind kind, std::string code, std::string detail,
         std::vector<FieldError> fields = {})
      : kind_(kind), code_(std::move(code)), detail_(std::move(detail)),
        fields_(std::move(fields)) {}

  StatusKind kind_ = StatusKind::kOk;
  std::string code_;
  std::string detail_;
  std::vector<FieldError> fields_;
};

}  // namespace xinan

// Returns early from the enclosing function when `expr` yields a failed Status.
#define XINAN_RETURN_IF_ERROR(expr)          \
  do {                                       \
    ::xinan::Status _st = (expr);            \
    if (!_st.ok()) return _st;               \
  } while (0)
