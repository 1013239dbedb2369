use leptos::prelude::*;

fn main() {
    mount_to_body(|| view! { <p data-testid="hello">"Hello, world"</p> });
}
