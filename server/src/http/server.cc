// The Boost.Beast/Asio HTTP/1.1 server: the only translation unit that includes Beast and Asio
// (wire.cc takes only Beast's table of status reasons).
#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>

#include "common/messages.h"
#include "http/client_address.h"
#include "http/problem.h"
#include "http/request_fiber.h"
#include "http/url.h"
#include "http/wire.h"

namespace xinan::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using BeastRequest = bhttp::request<bhttp::string_body>;

// Converts a parsed Beast request into the project's Request (taking its body); false when the
// target is bad.
bool ToRequest(BeastRequest& in, const std::string& remote, const std::vector<std::string>& trusted_proxies,
               Request& out) {
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  size_t q = out.target.find('?');
  auto path = PercentDecode(std::string_view(out.target).substr(0, q), false);
  if (!path || path->empty() || (*path)[0] != '/') return false;
  out.path = *path;
  if (q != std::string::npos) out.query = ParseQuery(std::string_view(out.target).substr(q + 1));
  for (const auto& f : in) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto [it, fresh] = out.headers.emplace(name, std::string(f.value()));
    if (!fresh) it->second += (name == "cookie" ? "; " : ", ") + std::string(f.value());
  }
  out.body = std::move(in.body());
  out.remote_addr = ClientAddress(remote, out.Header("x-forwarded-for"), trusted_proxies);
  return true;
}

// A problem response for errors found before a request reached the app.
Response EarlyProblem(StatusKind kind, const std::string& code, int status) {
  Request req;
  Response r = Problem(Status::Make(kind, code), req);
  r.status = status;
  return r;
}

}  // namespace

// One io_context per IO thread: a connection and the fibers of its requests stay on one thread
// (no strands, no fiber migration). The worker pool runs only what handlers offload.
struct Server::Impl {
  using Guard = asio::executor_work_guard<asio::io_context::executor_type>;
  ServerOptions options;
  Dispatch dispatch;
  // Declared before the io_contexts, so destroyed after them: destroying an io_context destroys
  // the handlers still queued on it, and with them the last Sessions, which call SessionEnded.
  std::mutex sessions_mu;
  std::condition_variable sessions_cv;
  std::list<std::weak_ptr<class Session>> sessions;  // GUARDED_BY(sessions_mu)
  int live_sessions = 0;                              // GUARDED_BY(sessions_mu)

  std::vector<std::unique_ptr<asio::io_context>> iocs;
  std::vector<Guard> guards;  // keep idle IO threads running until Stop
  size_t next_ioc = 0;        // round robin of accepted connections (acceptor's thread only)
  std::optional<tcp::acceptor> acceptor;
  std::unique_ptr<asio::thread_pool> workers;
  std::vector<std::thread> io_threads;
  std::atomic<bool> stopping{false};
  std::atomic<bool> stopped{false};
  int bound_port = 0;
  std::optional<asio::steady_timer> accept_pause;  // after a failed accept (acceptor's thread)
  std::chrono::steady_clock::time_point next_accept_warning;

  void Accept();
  void AcceptLater(const beast::error_code& ec);
  void SessionEnded();
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? "" : ep.address().to_string();
  }
  ~Session() { server_.SessionEnded(); }

  void Start() { asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); }); }

  // Closes the connection if it is waiting for a request; busy ones close after replying.
  void CloseIfIdle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.close();
      }
    });
  }

 private:
  void ReadHeader() {
    if (server_.stopping) return Close();
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(server_.options.max_header_bytes));
    parser_->body_limit(server_.options.max_body_bytes);
    stream_.expires_after(std::chrono::seconds(server_.options.idle_timeout_seconds));
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, size_t) {
    if (ec) return OnReadError(ec);
    busy_ = true;
    stream_.expires_after(std::chrono::seconds(server_.options.read_timeout_seconds));
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnReadError(beast::error_code ec) {
    // Refused before the body was read: the client may still be sending it. Closing at once
    // would reset the connection under it, and a browser would show a network error instead of
    // the 413; so the rest is read and dropped first (LingerThenClose).
    if (ec == bhttp::error::body_limit) {
      unread_body_ = true;
      return Reply(EarlyProblem(StatusKind::kTooLarge, "body_too_large", 413), 11, false);
    }
    if (ec == bhttp::error::header_limit) {
      unread_body_ = true;
      return Reply(EarlyProblem(StatusKind::kTooLarge, "header_too_large", 431), 11, false);
    }
    if (ec.category() == bhttp::make_error_code(bhttp::error::end_of_stream).category() &&
        ec != bhttp::error::end_of_stream &&
        ec != bhttp::error::partial_message) {
      return Reply(EarlyProblem(StatusKind::kInvalidArgument, "bad_request", 400), 11, false);
    }
    Close();
  }

  void OnRead(beast::error_code ec, size_t) {
    if (ec) return OnReadError(ec);
    BeastRequest req = parser_->release();
    unsigned version = req.version();
    bool keep_alive = req.keep_alive() && !server_.stopping;
    bool head = req.method() == bhttp::verb::head;
    auto request = std::make_shared<Request>();
    if (!ToRequest(req, remote_, server_.options.trusted_proxies, *request)) {
      return Reply(EarlyProblem(StatusKind::kInvalidArgument, "bad_request", 400), version, false);
    }
    stream_.expires_never();
    // The handler runs here, on this IO thread, on its own fiber: reads answer at once, and a
    // handler waiting for the group commit is suspended rather than parking a thread. The work
    // guard keeps this IO thread running while the request is suspended during shutdown.
    auto self = shared_from_this();
    auto resp = std::make_shared<Response>();
    auto work = std::make_shared<asio::executor_work_guard<asio::any_io_executor>>(
        stream_.get_executor());
    RequestFiber::Start(
        [self, request, resp] { *resp = self->server_.dispatch(*request); },
        [self, resp, version, keep_alive, head, work] {
          self->Reply(std::move(*resp), version, keep_alive && !self->server_.stopping, head);
        },
        [executor = stream_.get_executor()](std::function<void()> fn) {
          asio::post(executor, std::move(fn));
        },
        [&pool = *server_.workers](std::function<void()> fn) { asio::post(pool, std::move(fn)); });
  }

  // One write of one buffer: the whole response, serialized by SerializeResponse.
  void Reply(Response&& r, unsigned version, bool keep_alive, bool head = false) {
    busy_ = true;
    auto bytes = std::make_shared<std::string>(SerializeResponse(std::move(r), version, keep_alive, head));
    stream_.expires_after(std::chrono::seconds(server_.options.read_timeout_seconds));
    asio::async_write(stream_, asio::buffer(*bytes),
                      [self = shared_from_this(), bytes, keep_alive](beast::error_code ec, size_t) {
                        self->busy_ = false;
                        if (!ec && self->unread_body_ && !self->server_.stopping) return self->LingerThenClose();
                        if (ec || !keep_alive) return self->Close();
                        self->ReadHeader();
                      });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  // After an answer sent before the request's body was read: says "no more" (FIN), then reads
  // and drops what the client still sends — for at most kLingerSeconds and kLingerBytes — so
  // the client reads the answer instead of a reset. Then closes.
  static constexpr int kLingerSeconds = 5;
  static constexpr size_t kLingerBytes = 64u << 20;
  void LingerThenClose() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(kLingerSeconds));  // for all the reads together
    drain_buffer_ = std::make_unique<std::array<char, 8192>>();  // only lingering sessions pay
    DrainSome();
  }
  void DrainSome() {
    stream_.async_read_some(asio::buffer(*drain_buffer_), [self = shared_from_this()](beast::error_code ec, size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ >= kLingerBytes || self->server_.stopping) return self->Close();
      self->DrainSome();
    });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Server::Impl& server_;
  std::string remote_;
  bool busy_ = false;
  bool unread_body_ = false;  // the answer went out before the request's body was read
  size_t drained_ = 0;        // bytes dropped while lingering
  std::unique_ptr<std::array<char, 8192>> drain_buffer_;  // what they are read into
};

void Server::Impl::SessionEnded() {
  std::lock_guard lock(sessions_mu);
  --live_sessions;
  sessions_cv.notify_all();
}

void Server::Impl::Accept() {
  asio::io_context& target = *iocs[next_ioc++ % iocs.size()];
  acceptor->async_accept(target, [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!stopping && ec != asio::error::operation_aborted) AcceptLater(ec);
      return;
    }
    if (stopping) return;
    auto s = std::make_shared<Session>(std::move(socket), *this);
    {
      std::lock_guard lock(sessions_mu);
      ++live_sessions;
      sessions.remove_if([](const std::weak_ptr<Session>& w) { return w.expired(); });
      sessions.push_back(s);
    }
    s->Start();
    Accept();
  });
}

// A failed accept (most often EMFILE: out of file descriptors) fails again at once while nothing
// has closed, and accepting again straight away spun the acceptor's IO thread at full CPU: wait
// a moment first, and say so at most once a minute.
void Server::Impl::AcceptLater(const beast::error_code& ec) {
  auto now = std::chrono::steady_clock::now();
  if (now >= next_accept_warning) {
    spdlog::warn("accepting a connection failed ({}); retrying every 100 ms", ec.message());
    next_accept_warning = now + std::chrono::minutes(1);
  }
  if (!accept_pause) accept_pause.emplace(acceptor->get_executor());
  accept_pause->expires_after(std::chrono::milliseconds(100));
  accept_pause->async_wait([this](beast::error_code wait_ec) {
    if (!wait_ec && !stopping) Accept();
  });
}

Server::Server(ServerOptions options, Dispatch dispatch) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->dispatch = std::move(dispatch);
}

Server::~Server() { Stop(); }

Status Server::Start() {
  Impl& s = *impl_;
  std::string listen = s.options.listen;
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos) return Status::Invalid("listen_invalid", {}, "expected host:port");
  beast::error_code ec;
  auto address = asio::ip::make_address(listen.substr(0, colon), ec);
  if (ec) return Status::Invalid("listen_invalid", {}, "bad address " + listen);
  int port = std::atoi(listen.c_str() + colon + 1);
  tcp::endpoint ep(address, static_cast<unsigned short>(port));
  int n = s.options.io_threads > 0 ? s.options.io_threads
                                   : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (int i = 0; i < n; ++i) {
    s.iocs.push_back(std::make_unique<asio::io_context>(1));
    s.guards.push_back(asio::make_work_guard(*s.iocs.back()));
  }
  s.acceptor.emplace(*s.iocs[0]);
  s.acceptor->open(ep.protocol(), ec);
  if (!ec) s.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor->bind(ep, ec);
  if (!ec) s.acceptor->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status::Unavailable("cannot listen on " + listen + ": " + ec.message());
  s.bound_port = s.acceptor->local_endpoint().port();
  s.workers = std::make_unique<asio::thread_pool>(std::max(1, s.options.worker_threads));
  s.Accept();
  for (auto& ioc : s.iocs) s.io_threads.emplace_back([&ioc = *ioc] { ioc.run(); });
  return Status::Ok();
}

int Server::port() const { return impl_->bound_port; }

void Server::Stop() {
  Impl& s = *impl_;
  if (s.stopped.exchange(true)) return;
  s.stopping = true;
  if (s.acceptor) {
    asio::post(*s.iocs[0], [&s] {
      beast::error_code ec;
      s.acceptor->close(ec);
      if (s.accept_pause) s.accept_pause->cancel();
    });
  }
  std::vector<std::shared_ptr<Session>> open;
  {
    std::lock_guard lock(s.sessions_mu);
    for (auto& w : s.sessions) if (auto sp = w.lock()) open.push_back(std::move(sp));
  }
  // Outside the lock: dropping the last reference runs ~Session, which takes the lock.
  for (auto& sp : open) sp->CloseIfIdle();
  open.clear();
  {
    // In-flight requests finish and their responses go out; then their sessions close.
    std::unique_lock lock(s.sessions_mu);
    s.sessions_cv.wait_for(lock, std::chrono::seconds(10), [&] { return s.live_sessions <= 0; });
  }
  if (s.workers) s.workers->join();
  s.guards.clear();
  for (auto& ioc : s.iocs) ioc->stop();
  for (auto& t : s.io_threads) if (t.joinable()) t.join();
}

void Server::WaitForSignal() {
  asio::io_context signals_ioc;
  asio::signal_set signals(signals_ioc, SIGINT, SIGTERM);
  signals.async_wait([](beast::error_code, int sig) {
    spdlog::info("received signal {}, shutting down", sig);
  });
  signals_ioc.run();
  Stop();
}

}  // namespace xinan::http
