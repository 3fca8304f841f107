// Unit tests of the HTTP plumbing without sockets: router, problem mapping, query decoding,
// static files, and the app's access checks.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/messages.h"
#include "http/app.h"
#include "http/client_address.h"
#include "http/metrics.h"
#include "http/problem.h"
#include "http/reply.h"
#include "http/router.h"
#include "http/static_files.h"
#include "http/url.h"
#include "http/wire.h"
#include "testing/temp_dir.h"

namespace xinan::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) { return Response::Text(200, name); };
}

TEST(Wire, ResponsesAsTheyGoOnTheWire) {
  struct Case {
    int status;
    std::string body;
    unsigned version;
    bool keep_alive, head;
    std::string expected;
  } cases[] = {
      {200, "{}", 11, true, false,
       "HTTP/1.1 200 OK\r\nServer: xinan\r\nContent-Type: application/json; charset=utf-8\r\n"
       "X-Request-Id: r1\r\nContent-Length: 2\r\n\r\n{}"},
      {404, "{}", 11, false, false,  // closing: said so
       "HTTP/1.1 404 Not Found\r\nServer: xinan\r\nContent-Type: application/json; charset=utf-8\r\n"
       "X-Request-Id: r1\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}"},
      {200, "{}", 10, true, false,  // HTTP/1.0 keeps the connection only when told
       "HTTP/1.0 200 OK\r\nServer: xinan\r\nContent-Type: application/json; charset=utf-8\r\n"
       "X-Request-Id: r1\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n{}"},
      {200, "{}", 11, true, true,  // HEAD: the length of the body it leaves out
       "HTTP/1.1 200 OK\r\nServer: xinan\r\nContent-Type: application/json; charset=utf-8\r\n"
       "X-Request-Id: r1\r\nContent-Length: 2\r\n\r\n"},
      {304, "", 11, true, false,  // no body, no length
       "HTTP/1.1 304 Not Modified\r\nServer: xinan\r\nContent-Type: application/json; charset=utf-8\r\n"
       "X-Request-Id: r1\r\n\r\n"},
  };
  for (const auto& c : cases) {
    Response r;
    r.status = c.status;
    r.body = c.body;
    r.SetHeader("X-Request-Id", "r1");
    EXPECT_EQ(SerializeResponse(std::move(r), c.version, c.keep_alive, c.head), c.expected) << c.status;
  }
  Response injected = Response::NoContent();
  injected.SetHeader("Content-Disposition", "attachment\r\nSet-Cookie: x=1");
  EXPECT_EQ(SerializeResponse(std::move(injected), 11, true, false),
            "HTTP/1.1 204 No Content\r\nServer: xinan\r\nContent-Disposition: attachment  Set-Cookie: x=1\r\n\r\n");
}

TEST(Router, ParamsLiteralsAndMethods) {
  Router r;
  r.Add({"GET", "/api/v1/people/{id}", Access::kPublic, "", Named("get")});
  r.Add({"GET", "/api/v1/people/tags", Access::kPublic, "", Named("tags")});
  r.Add({"PUT", "/api/v1/people/{id}", Access::kPublic, "", Named("put")});
  auto m = r.Find("GET", "/api/v1/people/abc");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("id"), "abc");
  EXPECT_EQ(r.Find("GET", "/api/v1/people/tags").route->pattern, "/api/v1/people/tags");
  EXPECT_EQ(r.Find("GET", "/api/v1/people/abc/").route->pattern, "/api/v1/people/{id}");
  auto wrong = r.Find("DELETE", "/api/v1/people/abc");
  EXPECT_EQ(wrong.route, nullptr);
  EXPECT_EQ(wrong.allowed_methods, (std::vector<std::string>{"GET", "PUT"}));
  auto none = r.Find("GET", "/api/v1/nothing");
  EXPECT_EQ(none.route, nullptr);
  EXPECT_TRUE(none.allowed_methods.empty());
}

TEST(Problem, StatusTableAndLanguages) {
  struct Case { Status st; int want; };
  const Case cases[] = {
      {Status::Invalid("malformed_json"), 400}, {Status::InvalidField("name", "required"), 422},
      {Status::Unauthenticated(), 401},         {Status::Denied(), 403},
      {Status::NotFound(), 404},                {Status::Conflict("version_conflict"), 409},
      {Status::Make(StatusKind::kTooLarge, "body_too_large"), 413},
      {Status::RateLimited("account_locked"), 429}, {Status::Internal("secret detail"), 500},
      {Status::Unavailable("db down"), 503},
  };
  for (const auto& c : cases) EXPECT_EQ(HttpStatusFor(c.st), c.want) << c.st.code();
  Request zh, en;
  en.lang = "en";
  Response a = Problem(Status::InvalidField("name", "required"), zh);
  Response b = Problem(Status::InvalidField("name", "required"), en);
  EXPECT_EQ(a.content_type, "application/problem+json; charset=utf-8");
  EXPECT_NE(a.body.find("\"field\":\"name\""), std::string::npos);
  EXPECT_NE(a.body.find(MessageText("required", "zh-CN")), std::string::npos);
  EXPECT_NE(b.body.find("This field is required"), std::string::npos);
  Response internal = Problem(Status::Internal("secret detail"), en);
  EXPECT_EQ(internal.body.find("secret"), std::string::npos) << "internals never leak";
}

// Behind a load balancer the client is the address the trusted proxy appended, never what the
// client wrote further left, and nobody's X-Forwarded-For counts unless the peer is trusted.
TEST(ClientAddress, BelievesOnlyTrustedProxies) {
  const std::vector<std::string> lb = {"10.0.0.5", "10.0.0.6"};
  struct Case {
    std::string peer, header, client;
  };
  const Case cases[] = {
      {"203.0.113.9", "", "203.0.113.9"},
      {"203.0.113.9", "198.51.100.1", "203.0.113.9"},           // not a proxy: its header is ignored
      {"10.0.0.5", "198.51.100.1", "198.51.100.1"},
      {"10.0.0.5", "1.2.3.4, 198.51.100.1", "198.51.100.1"},    // the client wrote 1.2.3.4
      {"10.0.0.5", "198.51.100.1, 10.0.0.6", "198.51.100.1"},   // two proxies in a row
      {"10.0.0.5", " 198.51.100.1 ,  ", "198.51.100.1"},
      {"10.0.0.5", "", "10.0.0.5"},                             // no header: the proxy itself
      {"10.0.0.5", "10.0.0.6", "10.0.0.5"},
  };
  for (const auto& c : cases) EXPECT_EQ(ClientAddress(c.peer, c.header, lb), c.client) << c.peer << " / " << c.header;
  EXPECT_EQ(ClientAddress("10.0.0.5", "198.51.100.1", {}), "10.0.0.5") << "no proxy trusted by default";
}

TEST(Url, DecodingAndQuery) {
  EXPECT_EQ(PercentDecode("%E5%BC%A0%20a+b", true), "张 a b");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_FALSE(PercentDecode("%zz", false).has_value());
  EXPECT_FALSE(PercentDecode("%4", false).has_value());
  EXPECT_FALSE(PercentDecode("%00", false).has_value());
  EXPECT_FALSE(PercentDecode("%FF", false).has_value()) << "not UTF-8";
  EXPECT_FALSE(PercentDecode("%E5%BC", true).has_value()) << "a cut UTF-8 sequence";
  EXPECT_FALSE(PercentDecode("a%01b", true).has_value()) << "a control character";
  EXPECT_EQ(ParseQuery("q=%FF&page=2"), (std::map<std::string, std::string>{{"page", "2"}}));
  auto q = ParseQuery("q=%E5%BC%A0&page=2&empty=&=x&flag");
  EXPECT_EQ(q.at("q"), "张");
  EXPECT_EQ(q.at("page"), "2");
  EXPECT_EQ(q.at("empty"), "");
  EXPECT_EQ(q.at("flag"), "");
  EXPECT_EQ(q.count(""), 0u);
}

TEST(Paging, Bounds) {
  Request r;
  EXPECT_EQ(ParsePaging(r)->page_size, 20);
  r.query = {{"page", "3"}, {"pageSize", "200"}};
  EXPECT_EQ(ParsePaging(r)->Offset(), 400);
  r.query = {{"page", "0"}, {"pageSize", "201"}};
  auto bad = ParsePaging(r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().fields().size(), 2u);
}

std::string Gunzip(const std::string& in) {
  z_stream zs{};
  inflateInit2(&zs, 31);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  inflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

TEST(StaticFiles, TypesEtagGzipAndFallback) {
  testing::TempDir dir("xinan_static_");
  const std::filesystem::path& root = dir.path();
  std::filesystem::create_directories(root / "assets");
  std::string html = "<!doctype html>" + std::string(4000, 'x');
  std::ofstream(root / "index.html") << html;
  std::ofstream(root / "assets" / "app.123.js") << "console.log(1)";
  StaticFiles files(root.string());
  Request req;
  req.method = "GET";
  req.path = "/people/42";  // an SPA route
  req.headers["accept-encoding"] = "gzip, br";
  Response r = files.Serve(req);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.GetHeader("Content-Encoding"), "gzip");
  EXPECT_EQ(Gunzip(r.body), html);
  EXPECT_EQ(r.GetHeader("Cache-Control"), "no-cache");
  req.headers["if-none-match"] = r.GetHeader("ETag");
  EXPECT_EQ(files.Serve(req).status, 304);
  req.headers.clear();
  req.path = "/assets/app.123.js";
  Response js = files.Serve(req);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_NE(js.GetHeader("Cache-Control").find("immutable"), std::string::npos);
  req.path = "/../etc/passwd";
  EXPECT_EQ(files.Serve(req).status, 404);
  req.path = "/missing.png";
  EXPECT_EQ(files.Serve(req).status, 404);
}

TEST(StaticFiles, NormalRelativeTable) {
  struct Case { std::string in; std::optional<std::string> want; };
  const Case cases[] = {
      {"/", "index.html"},
      {"/index.html", "index.html"},
      {"/./", "index.html"},
      {"//", "index.html"},
      {"/assets/app.js", "assets/app.js"},
      {"/assets//app.js", "assets/app.js"},
      {"/./assets/./app.js", "assets/app.js"},
      {"//assets///app.js", "assets/app.js"},
      {"/assets/", "assets/index.html"},
      {"/people/42", "people/42"},
      {"/a..b.js", "a..b.js"},  // dots inside a name are a name
      {"/../etc/passwd", std::nullopt},
      {"/assets/../../x", std::nullopt},
      {"/..", std::nullopt},
      {"/a\\b", std::nullopt},
      {std::string("/a\0b", 4), std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(NormalRelative(c.in), c.want) << c.in;
}

// Every spelling of a file's path names one cache entry: a client cannot fill the memory with
// copies of a bundle (and its gzip) by asking for /assets//x.js, /./assets/x.js, …
TEST(StaticFiles, EachFileIsCachedOnceHoweverThePathIsSpelled) {
  testing::TempDir dir("xinan_static_");
  const std::filesystem::path& root = dir.path();
  std::filesystem::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "<!doctype html>";
  std::ofstream(root / "assets" / "app.123.js") << "console.log(1)";
  StaticFiles files(root.string());
  Request req;
  req.method = "GET";
  std::string spelling = "/assets/app.123.js";
  for (int i = 0; i < 50; ++i) {
    req.path = spelling;
    Response r = files.Serve(req);
    ASSERT_EQ(r.status, 200) << spelling;
    EXPECT_EQ(r.body, "console.log(1)");
    spelling = i % 2 ? "/." + spelling : "/" + spelling;
  }
  for (const char* p : {"/", "/index.html", "/./", "/people/42", "//people//42"}) {
    req.path = p;
    EXPECT_EQ(files.Serve(req).body, "<!doctype html>") << p;
  }
  EXPECT_EQ(files.CachedFiles(), 2u);
}

TEST(StaticFiles, GzipAndPlainCarryTheirOwnEtags) {
  testing::TempDir dir("xinan_static_");
  const std::filesystem::path& root = dir.path();
  std::ofstream(root / "index.html") << "<!doctype html>" + std::string(4000, 'x');
  StaticFiles files(root.string());
  Request req;
  req.method = "GET";
  req.path = "/";
  Response plain = files.Serve(req);
  req.headers["accept-encoding"] = "gzip";
  Response zipped = files.Serve(req);
  ASSERT_EQ(zipped.GetHeader("Content-Encoding"), "gzip");
  EXPECT_NE(plain.GetHeader("ETag"), zipped.GetHeader("ETag"));
  req.headers["if-none-match"] = plain.GetHeader("ETag");
  EXPECT_EQ(files.Serve(req).status, 200) << "the plain body's tag does not validate the gzip body";
  req.headers["if-none-match"] = "\"other\", W/" + zipped.GetHeader("ETag");
  EXPECT_EQ(files.Serve(req).status, 304) << "a list, and a weak tag, as browsers send them";
  req.headers["if-none-match"] = "*";
  EXPECT_EQ(files.Serve(req).status, 304);
}

TEST(StaticFiles, AReplacedIndexIsServedAtOnce) {
  testing::TempDir dir("xinan_static_");
  const std::filesystem::path& root = dir.path();
  std::ofstream(root / "index.html") << "<script src=/assets/old.js>";
  StaticFiles files(root.string());
  Request req;
  req.method = "GET";
  req.path = "/";
  EXPECT_EQ(files.Serve(req).body, "<script src=/assets/old.js>");
  // A new web build: other asset names in a new index.html (another size, a later time).
  std::ofstream(root / "index.html", std::ios::trunc) << "<script src=/assets/new-build.js>";
  std::filesystem::last_write_time(root / "index.html",
                                   std::filesystem::last_write_time(root / "index.html") + std::chrono::seconds(2));
  EXPECT_EQ(files.Serve(req).body, "<script src=/assets/new-build.js>");
  std::filesystem::remove(root / "index.html");
  EXPECT_EQ(files.Serve(req).status, 404) << "a removed file is not served from memory";
}

// A 5xx answer says nothing of its cause to the client; the log has it, with the request id.
TEST(App, TheCauseOfA5xxIsLoggedNotSent) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  spdlog::default_logger()->sinks().push_back(sink);
  App app({}, AppHooks{});
  app.AddRoutes({{"GET", "/api/fails", Access::kPublic, "",
                  [](Request& r) { return http::Reply(r, []() -> Result<Response> { return Status::Unavailable("pg: connection reset"); }); }}});
  Request req;
  req.method = "GET";
  req.path = "/api/fails";
  req.headers["x-request-id"] = "rid-503";
  Response r = app.Handle(req);
  spdlog::default_logger()->flush();
  spdlog::default_logger()->sinks().pop_back();
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.body.find("connection reset"), std::string::npos) << "no internals to the client";
  EXPECT_NE(captured.str().find("rid-503"), std::string::npos) << captured.str();
  EXPECT_NE(captured.str().find("pg: connection reset"), std::string::npos) << captured.str();
}

TEST(HttpMetrics, MadeUpMethodsShareOneLabel) {
  HttpMetrics m;
  for (int i = 0; i < 100; ++i) m.Observe("unmatched", "FOO" + std::to_string(i), 404, 0.001);
  m.Observe("/api/x", "GET", 200, 0.001);
  std::string text = m.Render();
  EXPECT_EQ(text.find("FOO"), std::string::npos);
  EXPECT_NE(text.find("route=\"unmatched\",method=\"OTHER\",status=\"404\"} 100"), std::string::npos) << text;
  EXPECT_NE(text.find("method=\"GET\""), std::string::npos);
}

TEST(App, AccessChecksAndCsrf) {
  AppHooks hooks;
  hooks.authenticate = [](Request& r) {
    if (r.Header("authorization") == "Bearer good") {
      r.principal = Principal{};
      r.principal->roles = {"reader"};
    }
    if (r.Cookie("xinan_session") == "good") {
      r.principal = Principal{};
      r.principal->via_cookie = true;
      r.principal->csrf_token = "t1";  // the session's token
    }
  };
  hooks.allowed = [](const Principal& p, const std::string& perm) {
    return perm == "read" && !p.roles.empty();
  };
  App app({}, hooks);
  app.AddRoutes({{"GET", "/api/x", Access::kPermission, "read", Named("x")},
                 {"POST", "/api/y", Access::kAuthenticated, "", Named("y")}});
  auto call = [&](std::string method, std::string path, std::map<std::string, std::string> headers) {
    Request r;
    r.method = method;
    r.path = path;
    r.headers = headers;
    return app.Handle(r);
  };
  EXPECT_EQ(call("GET", "/api/x", {}).status, 401);
  EXPECT_EQ(call("GET", "/api/x", {{"authorization", "Bearer good"}}).status, 200);
  EXPECT_EQ(call("GET", "/api/x", {{"cookie", "xinan_session=good"}}).status, 403) << "no permission";
  EXPECT_EQ(call("POST", "/api/y", {{"cookie", "xinan_session=good; xinan_csrf=t1"}}).status, 403);
  EXPECT_EQ(call("POST", "/api/y", {{"cookie", "xinan_session=good; xinan_csrf=t1"}, {"x-csrf-token", "t2"}}).status, 403);
  EXPECT_EQ(call("POST", "/api/y", {{"cookie", "xinan_session=good; xinan_csrf=t1"}, {"x-csrf-token", "t1"}}).status, 200);
  EXPECT_EQ(call("POST", "/api/y", {{"cookie", "xinan_session=good; xinan_csrf=t9"}, {"x-csrf-token", "t9"}}).status, 403)
      << "a planted cookie repeated in the header is not the session's token";
  EXPECT_EQ(call("POST", "/api/y", {{"cookie", "xinan_session=good"}, {"x-csrf-token", "t1"}}).status, 200)
      << "the session's token is what counts";
  Response unknown = call("GET", "/api/zzz", {});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_FALSE(unknown.GetHeader("X-Request-Id").empty());
  EXPECT_EQ(call("DELETE", "/api/x", {}).status, 405);
  EXPECT_NE(app.OpenApiJson().find("\"/api/x\""), std::string::npos);
}

}  // namespace
}  // namespace xinan::http
