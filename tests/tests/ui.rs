//! Compile-time behaviour of `#[attio_object]`: what must compile (`ui/pass`) and the errors
//! for each mistake (`ui/fail`, one mistake per file). Regenerate the expected errors with
//! `TRYBUILD=overwrite cargo test -p attio-tests --test ui`, then read every changed `.stderr`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/fail/*.rs");
}
