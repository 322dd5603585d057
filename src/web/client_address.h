// Who is asking: the address a request's limits are counted for (the sign-in throttle, the
// reset-code throttle). Normally the connection's peer. Behind a reverse proxy every connection
// comes from the proxy, so `serve --trusted-proxy` names the proxies whose X-Forwarded-For is
// believed (docs/deployment.md, "TLS … behind a reverse proxy").
//
// X-Forwarded-For is read from the right: each trusted hop appended the address it saw, while
// what a client sent itself stands further left and proves nothing. So the client is the first
// entry, from the right, that is not itself a trusted proxy; an entry that is not an address
// stops the walk (the hop that passed it on is taken). X-Real-IP and Forwarded are not read: a
// proxy that set only those would let a client's own X-Forwarded-For through unchanged.
// A peer that is not trusted is the client, whatever headers it sent.
#pragma once

#include <string>

#include "web/address_list.h"

namespace kc::web {

// `peer`: the connection's address; `forwarded_for`: every X-Forwarded-For value of the request
// joined by commas (empty when none).
std::string client_address(const std::string& peer, const std::string& forwarded_for, const AddressList& trusted);

}  // namespace kc::web
