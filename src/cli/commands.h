// The subcommands of the khuyencong CLI. Each add_* function registers one subcommand on
// the app; its callback runs the command and stores the process exit code in `exit_code`.
// Exit codes: 0 success, 1 refused input or inconsistencies found, 2 usage or system error.
#pragma once

#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>
#include <string>

#include "core/progress.h"
#include "text/legacy_charsets.h"

namespace kc::cli {

struct Context {
  std::string db = "khuyencong.db";  // --db: SQLite file path
  bool quiet = false;                // --quiet: no progress on standard error
  int exit_code = 0;
};

// The progress of a long command, on standard error so that what a command writes to standard
// output (`-o -`) stays clean: a bar on a terminal, plain lines otherwise, nothing with --quiet.
inline ProgressReporter progress_reporter(const Context& ctx) {
  return ProgressReporter(progress_mode_for_stderr(ctx.quiet), std::cerr);
}

void add_init_command(CLI::App& app, Context& ctx);
void add_schema_command(CLI::App& app, Context& ctx);
void add_import_command(CLI::App& app, Context& ctx);
void add_export_command(CLI::App& app, Context& ctx);
void add_report_command(CLI::App& app, Context& ctx);
void add_check_command(CLI::App& app, Context& ctx);
void add_migrate_db_command(CLI::App& app, Context& ctx);
void add_backup_commands(CLI::App& app, Context& ctx);
void add_user_commands(CLI::App& app, Context& ctx);
void add_serve_command(CLI::App& app, Context& ctx);
void add_dossier_command(CLI::App& app, Context& ctx);
void add_convert_text_command(CLI::App& app, Context& ctx);
// `report issued <code>`, registered under `report` (report_issued_command.cc).
void add_report_issued_command(CLI::App& report, Context& ctx);

// The format of a report's output: --format when given, else the output file's extension
// (Markdown for stdout); throws CLI::ValidationError naming the option otherwise.
std::string report_output_format(const std::string& format, const std::string& output);

}  // namespace kc::cli
