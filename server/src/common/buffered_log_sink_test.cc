// BufferedLogSink: nothing reaches the file before a flush or a full buffer; every line arrives
// once and in order, also when several threads log and flush at once.
#include "common/buffered_log_sink.h"

#include <gtest/gtest.h>
#include <spdlog/logger.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace xinan {
namespace {

// A temporary file and what has been written to it so far.
class TempFile {
 public:
  TempFile() : f_(std::tmpfile()) {}
  ~TempFile() { std::fclose(f_); }
  std::FILE* get() { return f_; }
  std::string Contents() {
    std::fflush(f_);
    std::rewind(f_);
    std::string s;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f_)) > 0) s.append(buf, n);
    std::fseek(f_, 0, SEEK_END);
    return s;
  }

 private:
  std::FILE* f_;
};

std::shared_ptr<spdlog::logger> LoggerTo(std::shared_ptr<BufferedLogSink> sink) {
  auto logger = std::make_shared<spdlog::logger>("test", std::move(sink));
  logger->set_pattern("%v");
  return logger;
}

TEST(BufferedLogSink, LinesWaitForAFlushAndKeepTheirOrder) {
  TempFile file;
  auto sink = std::make_shared<BufferedLogSink>(file.get());
  auto logger = LoggerTo(sink);
  logger->info("first {}", 1);
  logger->warn("second");
  EXPECT_EQ(file.Contents(), "") << "nothing written before a flush";
  sink->flush();
  EXPECT_EQ(file.Contents(), "first 1\nsecond\n");
  logger->info("third");
  sink->flush();
  sink->flush();  // an empty flush writes nothing
  EXPECT_EQ(file.Contents(), "first 1\nsecond\nthird\n");
}

TEST(BufferedLogSink, AFullBufferIsWrittenByTheLineThatFillsIt) {
  TempFile file;
  auto sink = std::make_shared<BufferedLogSink>(file.get(), /*flush_bytes=*/20);
  auto logger = LoggerTo(sink);
  logger->info("0123456789");  // 11 bytes: kept
  EXPECT_EQ(file.Contents(), "");
  logger->info("abcdefghij");  // 22 bytes: written
  EXPECT_EQ(file.Contents(), "0123456789\nabcdefghij\n");
}

TEST(BufferedLogSink, ConcurrentLinesArriveOnceAndInOrderPerThread) {
  constexpr int kThreads = 4, kLines = 2000;
  TempFile file;
  auto sink = std::make_shared<BufferedLogSink>(file.get(), /*flush_bytes=*/4096);
  auto logger = LoggerTo(sink);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kLines; ++i) {
        logger->info("{} {}", t, i);
        if (i % 97 == 0) sink->flush();
      }
    });
  }
  for (auto& th : threads) th.join();
  sink->flush();
  std::istringstream lines(file.Contents());
  std::vector<int> next(kThreads, 0);
  int t, i, total = 0;
  while (lines >> t >> i) {
    ASSERT_GE(t, 0);
    ASSERT_LT(t, kThreads);
    EXPECT_EQ(i, next[t]) << "thread " << t;
    next[t] = i + 1;
    ++total;
  }
  EXPECT_EQ(total, kThreads * kLines);
}

}  // namespace
}  // namespace xinan
