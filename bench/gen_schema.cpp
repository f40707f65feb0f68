// Writes a generated benchmark schema to a file or stdout.
// Usage: bench_gen_schema [--models N | --lines N] [--seed N] [--provider postgresql|sqlite]
//                         [--policies] [--no-mixins] [-o FILE]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "bench/common/schema_gen.h"

int main(int argc, char** argv) {
  zen::bench::SchemaGenOptions options;
  int lines = 0;
  std::string output;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "error: `" << a << "` needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--models") options.models = std::atoi(value().c_str());
    else if (a == "--lines") lines = std::atoi(value().c_str());
    else if (a == "--seed") options.seed = static_cast<uint32_t>(std::strtoul(value().c_str(), nullptr, 10));
    else if (a == "--provider") options.provider = value();
    else if (a == "--policies") options.policies = true;
    else if (a == "--no-mixins") options.mixins = false;
    else if (a == "-o" || a == "--output") output = value();
    else {
      std::cerr << "error: unknown option `" << a << "`\n"
                << "usage: bench_gen_schema [--models N | --lines N] [--seed N] "
                   "[--provider postgresql|sqlite] [--policies] [--no-mixins] [-o FILE]\n";
      return 2;
    }
  }
  if (options.provider != "postgresql" && options.provider != "sqlite") {
    std::cerr << "error: provider must be `postgresql` or `sqlite`\n";
    return 2;
  }
  std::string text = lines > 0 ? zen::bench::generate_schema_with_lines(lines, options)
                               : zen::bench::generate_schema(options);
  if (output.empty()) {
    std::cout << text;
    return 0;
  }
  std::ofstream out(output, std::ios::binary);
  out << text;
  if (!out) {
    std::cerr << "error: cannot write `" << output << "`\n";
    return 1;
  }
  std::cerr << output << ": " << zen::bench::count_lines(text) << " lines, " << text.size()
            << " bytes\n";
  return 0;
}
