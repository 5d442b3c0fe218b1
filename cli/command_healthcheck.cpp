// chatlens healthcheck [--url http://127.0.0.1:8080/healthz] [--timeout SECONDS]
// What a container's HEALTHCHECK runs: the image has no shell and no curl, so the command itself
// asks the service. Exit 0 when it answers 200, 1 otherwise (with the reason on stderr).
#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "commands.hpp"

namespace chatlens::cli {

int run_healthcheck(const std::vector<std::string>& args) {
  std::string url = "http://127.0.0.1:8080/healthz";
  int timeout = 3;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--url" && i + 1 < args.size()) {
      url = args[++i];
    } else if (args[i] == "--timeout" && i + 1 < args.size()) {
      timeout = std::atoi(args[++i].c_str());
    } else {
      std::fprintf(stderr, "usage: chatlens healthcheck [--url http://127.0.0.1:8080/healthz] [--timeout SECONDS]\n");
      return kUsage;
    }
  }
  // http://HOST[:PORT]/PATH only: the check runs beside the service, never across a network.
  const std::string scheme = "http://";
  const size_t slash = url.find('/', scheme.size());
  if (url.rfind(scheme, 0) != 0 || slash == std::string::npos || timeout <= 0) {
    std::fprintf(stderr, "chatlens healthcheck: --url must be http://HOST[:PORT]/PATH, not '%s'\n", url.c_str());
    return kUsage;
  }
  httplib::Client client(url.substr(0, slash));
  client.set_connection_timeout(timeout, 0);
  client.set_read_timeout(timeout, 0);
  const auto res = client.Get(url.substr(slash));
  if (!res) {
    std::fprintf(stderr, "chatlens healthcheck: %s: %s\n", url.c_str(), httplib::to_string(res.error()).c_str());
    return 1;
  }
  if (res->status != 200) {
    std::fprintf(stderr, "chatlens healthcheck: %s answered %d\n", url.c_str(), res->status);
    return 1;
  }
  return kOk;
}

}  // namespace chatlens::cli
