// Server: the Boost.Beast HTTP/1.1 listener. The only unit (with its .cc) that sees Beast/Asio.
// IO threads (one per core, each with its own io_context) read, run the handler on a request
// fiber and write; a handler waiting for a durable group commit (or anything it offloads to the
// worker pool) suspends its fiber, so no thread is parked per request in flight.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "http/request.h"
#include "http/response.h"

namespace xinan::http {

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";  // host:port; port 0 picks a free one
  int io_threads = 0;                       // 0 = number of cores
  int worker_threads = 16;                  // pool for work handlers offload (fiber::Blocking)
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 1024 * 1024;
  int read_timeout_seconds = 30;            // to receive a whole request
  int idle_timeout_seconds = 75;            // keep-alive idle
  // Load balancers whose X-Forwarded-For is believed (exact addresses): see ClientAddress.
  std::vector<std::string> trusted_proxies;
};

using Dispatch = std::function<Response(Request&)>;

class Server {
 public:
  Server(ServerOptions options, Dispatch dispatch);
  ~Server();
  // Binds and starts the IO threads and worker pool. Fails when the address is taken.
  Status Start();
  // The bound port (after Start).
  int port() const;
  // Stops accepting, lets in-flight requests finish and their responses go out, then returns.
  // Safe to call from a signal-watching thread; idempotent.
  void Stop();
  // Blocks until SIGTERM or SIGINT arrives, then calls Stop().
  void WaitForSignal();

  struct Impl;  // public so the Beast session class in server.cc can reach it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace xinan::http
