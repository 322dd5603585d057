#include "web/templates.h"

#include <map>
#include <mutex>
#include <stdexcept>

#include "web/embedded_files.h"

namespace kc::web {

namespace {

// Parsed templates, by name. Rendering a parsed template is const and thread-safe.
const kainjow::mustache::mustache& parsed(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<kainjow::mustache::mustache>> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(name);
  if (it != cache.end()) return *it->second;
  auto file = embedded_files().find("templates/" + name + ".mustache");
  if (file == embedded_files().end()) throw std::logic_error("no template " + name);
  auto t = std::make_unique<kainjow::mustache::mustache>(std::string(file->second));
  if (!t->is_valid()) throw std::logic_error("template " + name + ": " + t->error_message());
  return *cache.emplace(name, std::move(t)).first->second;
}

// Partials: {{>picker}} in a template includes web/templates/_picker.mustache, rendered with the
// data where it stands.
class WithPartials : public kainjow::mustache::context<std::string> {
 public:
  explicit WithPartials(const Data* data) : context(data) {}
  const Data* get_partial(const std::string& name) const override {
    static const std::map<std::string, Data> partials = [] {
      std::map<std::string, Data> m;
      const std::string prefix = "templates/_", suffix = ".mustache";
      for (const auto& [path, text] : embedded_files())
        if (path.rfind(prefix, 0) == 0 && path.size() > prefix.size() + suffix.size() &&
            path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
          m.emplace(std::string(path.substr(prefix.size(), path.size() - prefix.size() - suffix.size())), Data(std::string(text)));
      return m;
    }();
    if (auto it = partials.find(name); it != partials.end()) return &it->second;
    return context::get_partial(name);
  }
};

// kainjow's render() is not const (it may record an error message) though it leaves the parsed
// template as it was, so each worker thread renders its own copy, made once: copying the parsed
// tree at every render cost more allocations than the page itself.
std::map<std::string, kainjow::mustache::mustache>& thread_copies() {
  thread_local std::map<std::string, kainjow::mustache::mustache> copies;
  return copies;
}

kainjow::mustache::mustache& thread_copy(const std::string& name) {
  auto& copies = thread_copies();
  auto it = copies.find(name);
  if (it == copies.end()) it = copies.emplace(name, parsed(name)).first;
  return it->second;
}

void thread_copy_reset(const std::string& name) { thread_copies().erase(name); }

// What kainjow writes to, appended to one string (its own render() goes through an ostringstream
// and copies the result out).
struct StringSink {
  std::string text;
  StringSink& operator<<(const std::string& part) {
    text += part;
    return *this;
  }
};

}  // namespace

std::string render_template(const std::string& name, const Data& data) {
  WithPartials context(&data);
  StringSink sink;
  sink.text.reserve(8192);
  kainjow::mustache::mustache& tmpl = thread_copy(name);
  tmpl.render(context, sink);
  if (!tmpl.is_valid()) {  // a rendering error (an unknown partial) stays with the copy: forget it
    std::string error = tmpl.error_message();
    thread_copy_reset(name);
    throw std::logic_error("template " + name + ": " + error);
  }
  return std::move(sink.text);
}

std::string render_page(const std::string& name, const Data& page, Data layout) {
  return render_layout(render_template(name, page), std::move(layout));
}

std::string render_layout(std::string content, Data layout) {
  layout.set("content", std::move(content));
  return render_template("layout", layout);
}

}  // namespace kc::web
