#include "server.hpp"

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <thread>

#include "migrations.hpp"
#include "static_files.hpp"

namespace chatlens::server {

CommunityServer::CommunityServer(ServerConfig config) : config_(std::move(config)) {}

namespace {

// Each connection is a file descriptor: raise the soft limit on them to the hard one, and keep
// the connection cap below it (with room for the database, the web app's files and the threads),
// so that many connections get a clear 503 rather than a stalled accept().
void fit_connections_to_descriptors(HttpLimits& http, std::string& log) {
  constexpr rlim_t kReserve = 256;
  rlimit rl{};
  if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return;
  const rlim_t wanted = rl.rlim_max == RLIM_INFINITY ? rlim_t(1) << 20 : rl.rlim_max;
  if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < wanted) {
    rlimit raised = rl;
    raised.rlim_cur = wanted;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) rl = raised;
  }
  if (rl.rlim_cur == RLIM_INFINITY) return;
  const size_t usable = rl.rlim_cur > 2 * kReserve ? rl.rlim_cur - kReserve : rl.rlim_cur / 2;
  if (http.max_connections > usable) {
    log += "connections: at most " + std::to_string(usable) + " (the open file limit is " +
           std::to_string(rl.rlim_cur) + "), not " + std::to_string(http.max_connections) + "\n";
    http.max_connections = usable;
  }
}

}  // namespace

CommunityServer::~CommunityServer() {
  if (http_) http_->shutdown();
  if (writer_) writer_->stop();
}

Status CommunityServer::start(std::string& log) {
  if (config_.data_dir.empty()) config_.data_dir = default_data_dir();
  auto storage = open_storage(config_.db, config_.data_dir, StorageOptions{config_.db_pool});
  if (!storage) return storage.status();
  storage_ = std::move(*storage);
  if (Status s = storage_->migrate(); !s) return Status::error(storage_->describe() + ": " + s.detail());
  log += "storage: " + storage_->describe() + " (schema version " + std::to_string(latest_schema_version()) + ")\n";

  StaticFiles statics = StaticFiles::placeholder();
  std::optional<std::filesystem::path> web = config_.web ? config_.web : default_web_dir();
  if (web && web->empty()) {
    log += "web app: none (API only, placeholder page)\n";
  } else if (web) {
    auto loaded = StaticFiles::load(*web);
    if (!loaded) {
      if (config_.web) return loaded.status();  // asked for explicitly: an error
      log += "web app: " + loaded.status().detail() + "; serving a placeholder page\n";
    } else {
      log += "web app: " + std::to_string(loaded->size()) + " files from " + web->string() + "\n";
      statics = std::move(*loaded);
    }
  } else {
    log += "web app: not built (no web/dist); serving a placeholder page (see --web)\n";
  }

  statics.set_community_url(config_.community_url);

  fit_connections_to_descriptors(config_.http, log);
  writer_ = std::make_unique<ContributionWriter>(*storage_, &metrics_, ContributionWriter::Options{}, &write_health_);
  routes_ = std::make_unique<Routes>(config_, *storage_, *writer_, metrics_, write_health_, std::move(statics));
  http_ = std::make_unique<HttpServer>(config_.http, &metrics_);
  routes_->install(*http_);
  port_ = http_->bind(config_.bind, config_.port);
  if (port_ < 0)
    return Status::error("cannot listen on " + config_.bind + ":" + std::to_string(config_.port) + ": " +
                         std::strerror(errno));
  return Status::ok();
}

void CommunityServer::run() {
  if (!http_) return;
  http_->serve();
  writer_->stop();
}

void CommunityServer::shutdown() {
  if (http_) http_->shutdown();
}

std::optional<std::filesystem::path> default_web_dir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_regular_file("web/dist/index.html", ec)) return fs::path("web/dist");
  char exe[4096];
  const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    for (fs::path dir = fs::path(exe).parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (fs::is_regular_file(dir / "web" / "dist" / "index.html", ec)) return dir / "web" / "dist";
    }
  }
  return std::nullopt;
}

int run_server(const std::vector<std::string>& args) {
  auto config = parse_serve_args(args);
  if (config && config->help) {
    std::fputs(kServeUsage, stdout);
    return 0;
  }
  if (!config) {
    std::fprintf(stderr, "chatlens serve: %s\n\n%s", config.status().detail().c_str(), kServeUsage);
    return 2;
  }
  // Signals are taken by one thread (sigwait); every other thread, started after this, blocks them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  const bool quiet = config->quiet;
  CommunityServer server(std::move(*config));
  std::string log;
  Status started = server.start(log);
  if (!quiet) std::fputs(log.c_str(), stderr);
  if (!started) {
    std::fprintf(stderr, "chatlens serve: %s\n", started.detail().c_str());
    return 1;
  }
  const ServerConfig& c = server.config();
  const std::string host = c.bind.find(':') != std::string::npos ? "[" + c.bind + "]" : c.bind;
  // The one line scripts and tests wait for (on stdout, flushed).
  std::printf("chatlens serve: listening on http://%s:%d\n", host.c_str(), server.port());
  std::fflush(stdout);

  std::atomic<bool> done{false};
  std::thread signals([&] {
    const timespec tick{0, 200 * 1000 * 1000};
    while (!done.load()) {
      const int sig = sigtimedwait(&stop_signals, nullptr, &tick);
      if (sig == SIGTERM || sig == SIGINT) {
        if (!quiet) std::fprintf(stderr, "chatlens serve: %s: finishing in-flight requests\n", strsignal(sig));
        server.shutdown();
        return;
      }
    }
  });
  server.run();
  done = true;
  signals.join();
  if (!quiet) std::fputs("chatlens serve: stopped\n", stderr);
  return 0;
}

}  // namespace chatlens::server
