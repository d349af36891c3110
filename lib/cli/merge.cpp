#include "cli/merge.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>

#include "cli/parallel.hpp"
#include "core/diagnostics.hpp"
#include "core/sha256.hpp"
#include "tmk/core/io.hpp"

namespace tmk::cli {

namespace fs = std::filesystem;

std::optional<LineRange> parse_line_range(std::string_view spec) {
  const auto number = [](std::string_view s, std::uint64_t& n) {
    const auto read = std::from_chars(s.data(), s.data() + s.size(), n);
    return !s.empty() && read.ec == std::errc() && read.ptr == s.data() + s.size() && n >= 1;
  };
  const std::size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  LineRange range;
  if (!number(spec.substr(0, dash), range.first)) return std::nullopt;
  const std::string_view last = spec.substr(dash + 1);
  if (!last.empty() && !number(last, range.last)) return std::nullopt;
  if (range.last < range.first) return std::nullopt;
  return range;
}

bool ranges_overlap(const LineRange& a, const LineRange& b) {
  return a.first <= b.last && b.first <= a.last;
}

namespace {

const Json kNull;

const Json& member(const Json& object, const std::string& key) {
  if (!object.is_object()) return kNull;
  const auto found = object.find(key);
  return found == object.end() ? kNull : *found;
}

// The keys of `a`, then those of `b` that `a` lacks.
std::vector<std::string> all_keys(const Json& a, const Json& b) {
  std::vector<std::string> keys;
  for (const Json* object : {&a, &b}) {
    if (!object->is_object()) continue;
    for (const auto& [key, value] : object->items())
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  return keys;
}

// A problem with one shard or file, reported as `tmk-merge: WHERE: WHAT`.
struct MergeError : std::runtime_error {
  MergeError(std::string where, const std::string& what) : std::runtime_error(what), where(std::move(where)) {}
  std::string where;
};

struct Shard {
  std::string dir;
  Json manifest;
  std::string manifest_sha256;
  std::optional<LineRange> lines;  // options.lines: the lines of its inputs it read
};

std::optional<LineRange> read_lines_option(const Json& value, const std::string& where) {
  if (value.is_null()) return std::nullopt;
  if (value.is_string())
    if (const auto range = parse_line_range(value.get<std::string>())) return range;
  throw MergeError(where, "lines: expected FIRST-LAST, not " + value.dump());
}

Shard read_shard(const std::string& dir) {
  if (!fs::is_directory(dir)) throw MergeError(dir, "no such directory");
  const fs::path path = fs::path(dir) / "manifest.json";
  if (!fs::exists(path)) throw MergeError(dir, "no manifest.json: the shard is incomplete; rerun it");
  std::string bytes;
  try {
    bytes = read_all(*ByteSource::open(path.string()));
  } catch (const std::exception& e) {
    throw MergeError(path.string(), e.what());
  }
  Shard shard{dir, {}, sha256_hex(bytes), {}};
  try {
    shard.manifest = Json::parse(bytes);
  } catch (const Json::parse_error& e) {
    throw MergeError(path.string(), std::string("not a tmk-extract manifest: ") + e.what());
  }
  const Json& m = shard.manifest;
  if (!m.is_object() || !member(m, "tmk").is_object() || !member(m, "options").is_object() ||
      !member(m, "tables").is_object() || !member(m, "inputs").is_array())
    throw MergeError(path.string(), "not a tmk-extract manifest (no tmk, options, tables or inputs)");
  if (member(m, "complete") != true) throw MergeError(dir, "the manifest says the run did not complete; rerun it");
  for (const auto& [name, table] : m["tables"].items()) {
    const Json& format = member(table, "format");
    // The file is always NAME.FORMAT: anything else is not what tmk-extract writes, and must
    // never lead the merge to read or write outside the directories.
    if (!format.is_string() || member(table, "file") != name + "." + format.get<std::string>() ||
        std::find(kTableFormatNames.begin(), kTableFormatNames.end(), format.get<std::string>()) ==
            kTableFormatNames.end() ||
        !member(table, "rows").is_number_unsigned())
      throw MergeError(path.string(), "tables." + name + ": not a table entry of tmk-extract");
    if (!member(table, "sha256").is_string())
      throw MergeError(path.string(), "tables." + name +
                                          ": no sha256 to check the table against (an older tmk-extract); "
                                          "rerun the shard");
  }
  shard.lines = read_lines_option(member(m["options"], "lines"), path.string() + ": options");
  return shard;
}

std::string describe_range(const std::optional<LineRange>& range) {
  if (!range || *range == LineRange{}) return "";
  return " lines " + std::to_string(range->first) + "-" +
         (range->last == LineRange{}.last ? std::string() : std::to_string(range->last));
}

// Refuses a directory given twice, and two shards that read the same lines of an input (the
// same whole file, or overlapping --lines ranges). Standard input ("-") is not known by name.
void check_nothing_twice(const std::vector<Shard>& shards) {
  for (std::size_t j = 1; j < shards.size(); ++j)
    for (std::size_t i = 0; i < j; ++i)
      if (fs::equivalent(shards[i].dir, shards[j].dir))
        throw MergeError(shards[j].dir, "given twice (also as " + shards[i].dir + "); nothing is merged twice");
  struct Read {
    std::size_t shard;
    std::optional<LineRange> range;
  };
  std::map<std::string, std::vector<Read>> reads;
  for (std::size_t k = 0; k < shards.size(); ++k) {
    for (const Json& input : shards[k].manifest["inputs"]) {
      const Json& path = member(input, "path");
      if (!path.is_string() || path == "-") continue;
      const std::string where = shards[k].dir + "/manifest.json: inputs";
      std::optional<LineRange> range = read_lines_option(member(input, "lines"), where);
      if (!range) range = shards[k].lines;
      const std::string name = fs::path(path.get<std::string>()).lexically_normal().string();
      for (const Read& earlier : reads[name]) {
        if (earlier.shard != k && ranges_overlap(earlier.range.value_or(LineRange{}), range.value_or(LineRange{})))
          throw MergeError(shards[k].dir, "reads " + name + describe_range(range) + ", as " +
                                              shards[earlier.shard].dir + " does (" + name +
                                              describe_range(earlier.range) + "); nothing is merged twice");
      }
      reads[name].push_back({k, range});
    }
  }
}

constexpr std::size_t kChunkBytes = 1 << 20;

// Appends the shard's table `name` to `out`, without its header when `drop_header`, checking its
// rows and sha256 against the shard's manifest as it goes.
void copy_table(const Shard& shard, const std::string& name, bool drop_header, TableFile& out) {
  const Json& entry = shard.manifest["tables"][name];
  const TableFormat format = parse_table_format(entry["format"].get<std::string>());
  const fs::path path = fs::path(shard.dir) / entry["file"].get<std::string>();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw MergeError(path.string(), std::strerror(errno));
  Sha256 hash;
  RowCounter rows(format);
  bool in_header = drop_header;
  std::string chunk(kChunkBytes, '\0');
  while (in && !out.failed()) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    std::string_view bytes(chunk.data(), static_cast<std::size_t>(in.gcount()));
    hash.update(bytes);
    rows.add(bytes);
    if (in_header) {
      const std::size_t end = bytes.find('\n');
      bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
      in_header = end == std::string_view::npos;
    }
    out.write(bytes);
  }
  if (out.failed()) return;  // reported by the caller, naming the output
  if (in.bad()) throw MergeError(path.string(), "cannot be read");
  const std::uint64_t header_rows = format == TableFormat::jsonl ? 0 : 1;
  const std::uint64_t counted = rows.rows() < header_rows ? 0 : rows.rows() - header_rows;
  const std::string sha256 = hash.hex_digest();
  if (counted != entry["rows"].get<std::uint64_t>() || sha256 != entry["sha256"].get<std::string>())
    throw MergeError(path.string(), "holds " + std::to_string(counted) + " rows, sha256 " + sha256.substr(0, 12) +
                                        "..., where its manifest says " + entry["rows"].dump() + " rows, sha256 " +
                                        entry["sha256"].get<std::string>().substr(0, 12) +
                                        "...: the table was truncated or edited; rerun the shard");
}

Json merged_manifest(const std::vector<Shard>& shards, const std::vector<std::unique_ptr<TableFile>>& files,
                     const std::vector<std::string>& command, const std::string& started) {
  const Json& first = shards.front().manifest;
  Json options = first["options"];
  // The merge reads no one range of lines: each input carries its shard's range instead.
  if (options.contains("lines")) options["lines"] = nullptr;
  Json inputs = Json::array(), warnings = Json::array(), errors = Json::array(), list = Json::array();
  std::uint64_t documents = 0;
  for (const Shard& shard : shards) {
    const Json& m = shard.manifest;
    const Json& lines = member(m["options"], "lines");
    for (Json input : m["inputs"]) {
      if (!lines.is_null() && !input.contains("lines")) input["lines"] = lines;
      inputs.push_back(std::move(input));
    }
    for (const Json& message : member(m, "warnings")) warnings.push_back(message);
    for (const Json& message : member(m, "errors")) errors.push_back(message);
    if (member(m, "documents").is_number_unsigned()) documents += m["documents"].get<std::uint64_t>();
    Json entry = {{"dir", shard.dir}, {"manifest_sha256", shard.manifest_sha256}, {"rows", Json::object()}};
    for (const auto& [name, table] : m["tables"].items()) entry["rows"][name] = table["rows"];
    if (!lines.is_null()) entry["lines"] = lines;
    if (m.contains("shards")) entry["shards"] = m["shards"];  // a merged directory: what it was merged from
    list.push_back(std::move(entry));
  }
  Json tables = Json::object();
  std::size_t i = 0;
  for (const auto& [name, table] : first["tables"].items()) {
    const std::uint64_t header_rows = table["format"] == "jsonl" ? 0 : 1;
    tables[name] = {{"file", table["file"]},
                    {"format", table["format"]},
                    {"rows", files[i]->rows() - header_rows},
                    {"sha256", files[i]->sha256()},
                    {"columns", member(table, "columns")}};
    ++i;
  }
  return {{"tmk", first["tmk"]}, {"command", command},     {"options", options},    {"inputs", inputs},
          {"tables", tables},    {"documents", documents}, {"warnings", warnings},  {"errors", errors},
          {"shards", list},      {"started", started},     {"finished", utc_now()}, {"complete", true}};
}

}  // namespace

std::optional<ManifestDifference> first_difference(const Json& a, const Json& b) {
  const auto differ = [](const std::string& field, const Json& x, const Json& y) -> std::optional<ManifestDifference> {
    if (x == y) return std::nullopt;
    return ManifestDifference{field, x.dump(), y.dump()};
  };
  for (const char* key : {"version", "commit", "model_sha256", "resources_sha256"})
    if (auto d = differ(std::string("tmk.") + key, member(member(a, "tmk"), key), member(member(b, "tmk"), key)))
      return d;
  const Json& options_a = member(a, "options");
  const Json& options_b = member(b, "options");
  for (const std::string& key : all_keys(options_a, options_b))
    if (key != "lines")
      if (auto d = differ("options." + key, member(options_a, key), member(options_b, key))) return d;
  const Json& tables_a = member(a, "tables");
  const Json& tables_b = member(b, "tables");
  for (const std::string& name : all_keys(tables_a, tables_b)) {
    const Json& x = member(tables_a, name);
    const Json& y = member(tables_b, name);
    if (x.is_null() || y.is_null()) return differ("tables." + name, member(x, "file"), member(y, "file"));
    for (const char* key : {"file", "format", "columns"})
      if (auto d = differ("tables." + name + "." + key, member(x, key), member(y, key))) return d;
  }
  return std::nullopt;
}

int run_merge(const MergeOptions& options, const std::vector<std::string>& command) {
  const std::string started = utc_now();
  const fs::path dir = options.directory;
  std::error_code ec;
  for (const std::string& shard : options.shards) {
    if (fs::equivalent(dir, shard, ec)) {
      diag::message("-o " + options.directory + " is one of the shards: write the merge elsewhere (see --help)");
      return 2;
    }
  }
  std::vector<Shard> shards;
  std::vector<std::unique_ptr<TableFile>> files;
  try {
    for (const std::string& shard : options.shards) shards.push_back(read_shard(shard));
    for (std::size_t k = 1; k < shards.size(); ++k) {
      if (const auto d = first_difference(shards.front().manifest, shards[k].manifest))
        throw MergeError(shards[k].dir, "differs from " + shards.front().dir + " in " + d->field + " (" + d->second +
                                            ", not " + d->first +
                                            "); shards must be made by the same tmk with the same options");
    }
    check_nothing_twice(shards);

    fs::create_directories(dir, ec);
    if (ec) throw MergeError(dir.string(), ec.message());
    clear_previous_run(dir);
    std::vector<std::function<void()>> tasks;
    for (const auto& entry : shards.front().manifest["tables"].items()) {
      // A named copy: the task outlives the loop, and clang 14 cannot capture a structured binding.
      const std::string name = entry.key();
      const Json& table = entry.value();
      const TableFormat format = parse_table_format(table["format"].get<std::string>());
      TableFile& file = *files.emplace_back(std::make_unique<TableFile>(dir, table["file"].get<std::string>(), format));
      tasks.push_back([&shards, &file, name, format] {
        for (std::size_t k = 0; k < shards.size(); ++k)
          copy_table(shards[k], name, k > 0 && format != TableFormat::jsonl, file);
      });
    }
    run_tasks(tasks, options.jobs);
  } catch (const MergeError& e) {
    diag::error(e.where, e.what());
    return 1;
  } catch (const std::exception& e) {
    diag::error({}, e.what());
    return 1;
  }
  // No table gets its final name unless all of them can (the others' temporary files go).
  const auto broken = std::find_if(files.begin(), files.end(), [](const auto& f) { return f->failed(); });
  if (broken != files.end()) {
    diag::error((*broken)->path().string(), (*broken)->error());
    return 1;
  }
  for (const auto& file : files) {
    if (!file->finish()) {
      diag::error(file->path().string(), file->error());
      return 1;
    }
  }
  if (!write_whole_file(dir, "manifest.json", merged_manifest(shards, files, command, started).dump(2) + "\n"))
    return 1;
  return 0;
}

}  // namespace tmk::cli
