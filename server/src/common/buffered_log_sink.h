// BufferedLogSink: the server's log sink. A logging thread formats its line into a memory buffer
// under a mutex (no system call, no thread to wake); Flush writes what is buffered to the file
// (stdout) in one write. The server flushes every second, at once on a warning or worse, and a
// line that takes the buffer past `flush_bytes` flushes it from the logging thread. The write
// happens outside the buffer's lock, so loggers never wait for the console; lines keep their
// order. Lines not yet flushed are lost if the process is killed (the audit log is the record).
#pragma once

#include <spdlog/formatter.h>
#include <spdlog/sinks/sink.h>

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

namespace xinan {

class BufferedLogSink final : public spdlog::sinks::sink {
 public:
  explicit BufferedLogSink(std::FILE* out, size_t flush_bytes = 256 << 10);

  void log(const spdlog::details::log_msg& msg) override;
  void flush() override;
  void set_pattern(const std::string& pattern) override;
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override;

 private:
  std::FILE* const out_;
  const size_t flush_bytes_;
  std::mutex mu_;                                // buffer_ and formatter_
  std::unique_ptr<spdlog::formatter> formatter_;  // GUARDED_BY(mu_)
  std::string buffer_;                           // GUARDED_BY(mu_)
  std::mutex write_mu_;                          // one flush writes at a time, in order
};

}  // namespace xinan
