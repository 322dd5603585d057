// See client_address.h.
#include "web/client_address.h"

#include <vector>

namespace kc::web {

namespace {

std::vector<std::string> comma_separated(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = text.find(',', pos);
    if (comma == std::string::npos) comma = text.size();
    std::string entry = text.substr(pos, comma - pos);
    size_t b = entry.find_first_not_of(" \t"), e = entry.find_last_not_of(" \t");
    out.push_back(b == std::string::npos ? "" : entry.substr(b, e - b + 1));
    pos = comma + 1;
  }
  return out;
}

}  // namespace

std::string client_address(const std::string& peer, const std::string& forwarded_for, const AddressList& trusted) {
  std::string client = peer;
  if (forwarded_for.empty() || !trusted.contains(peer)) return client;
  std::vector<std::string> hops = comma_separated(forwarded_for);
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (!AddressList::is_address(*it)) break;  // garbage a client may have sent: keep the hop that passed it
    client = *it;
    if (!trusted.contains(client)) break;
  }
  return client;
}

}  // namespace kc::web
