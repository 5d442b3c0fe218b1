#pragma once
// `chatlens serve`: one process serving the web app and the community API. CommunityServer wires
// storage, the group-commit writer, the routes and the HTTP transport; run_server() adds signal
// handling (SIGTERM/SIGINT: graceful shutdown) for the command line.
#include <memory>
#include <string>
#include <vector>

#include "contribution_writer.hpp"
#include "http_server.hpp"
#include "metrics.hpp"
#include "routes.hpp"
#include "server_config.hpp"
#include "storage.hpp"
#include "write_health.hpp"

namespace chatlens::server {

class CommunityServer {
 public:
  explicit CommunityServer(ServerConfig config);
  ~CommunityServer();

  // Opens and migrates storage, loads the web app, binds. Messages for the operator go to `log`
  // (lines ending in '\n'); nothing is served yet.
  Status start(std::string& log);
  int port() const { return port_; }
  // Serves until shutdown() completes; then stores what is queued and returns.
  void run();
  // Graceful shutdown; safe from any thread (and before run()).
  void shutdown();

  Storage& storage() { return *storage_; }
  const ServerConfig& config() const { return config_; }

 private:
  ServerConfig config_;
  std::unique_ptr<Storage> storage_;
  Metrics metrics_;
  WriteHealth write_health_;
  std::unique_ptr<ContributionWriter> writer_;
  std::unique_ptr<Routes> routes_;
  std::unique_ptr<HttpServer> http_;
  int port_ = -1;
};

// Where the web app is when --web is not given: web/dist in the working directory, else beside the
// executable's repository (…/build/<preset>/cli/chatlens -> …/web/dist); nullopt when neither exists.
std::optional<std::filesystem::path> default_web_dir();

// The whole command: parse, start, print the address, serve until SIGTERM/SIGINT. Exit status:
// 0 after a graceful shutdown, 2 usage error, 1 could not start.
int run_server(const std::vector<std::string>& args);

}  // namespace chatlens::server
