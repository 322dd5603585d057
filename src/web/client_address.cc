// See client_address.h.
#include "web/client_address.h"

#include "web/comma_list.h"

namespace kc::web {

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
