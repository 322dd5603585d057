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

}  // namespace

std::string render_template(const std::string& name, const Data& data) {
  // kainjow's render() is not const; a copy of the parsed template is cheap next to I/O.
  kainjow::mustache::mustache copy = parsed(name);
  WithPartials context(&data);
  return copy.render(context);
}

std::string render_page(const std::string& name, const Data& page, Data layout) {
  layout.set("content", render_template(name, page));
  return render_template("layout", layout);
}

}  // namespace kc::web
