//! The `caplens` command-line tool: a thin layer over the library.
fn main() {
    eprintln!("caplens: being written");
    std::process::exit(2);
}
