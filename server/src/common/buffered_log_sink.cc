// BufferedLogSink: log lines into memory, written out by Flush.
#include "common/buffered_log_sink.h"

#include <spdlog/pattern_formatter.h>

namespace xinan {

BufferedLogSink::BufferedLogSink(std::FILE* out, size_t flush_bytes)
    : out_(out), flush_bytes_(flush_bytes),
      formatter_(std::make_unique<spdlog::pattern_formatter>()) {}

void BufferedLogSink::log(const spdlog::details::log_msg& msg) {
  bool full;
  {
    std::lock_guard lock(mu_);
    spdlog::memory_buf_t line;
    formatter_->format(msg, line);
    buffer_.append(line.data(), line.size());
    full = buffer_.size() >= flush_bytes_;
  }
  if (full) flush();
}

void BufferedLogSink::flush() {
  std::lock_guard writing(write_mu_);  // taken before the swap: flushes write in buffer order
  std::string out;
  {
    std::lock_guard lock(mu_);
    out.swap(buffer_);
  }
  if (out.empty()) return;
  std::fwrite(out.data(), 1, out.size(), out_);
  std::fflush(out_);
}

void BufferedLogSink::set_pattern(const std::string& pattern) {
  set_formatter(std::make_unique<spdlog::pattern_formatter>(pattern));
}

void BufferedLogSink::set_formatter(std::unique_ptr<spdlog::formatter> formatter) {
  std::lock_guard lock(mu_);
  formatter_ = std::move(formatter);
}

}  // namespace xinan
