// Only `verify` makes a `Delivery`: a body decoded without its signature is not one.
use attio::webhooks::Delivery;

fn handle(delivery: &Delivery) -> usize {
    delivery.events.len()
}

fn receive(body: &[u8]) -> Result<usize, attio::webhooks::WebhookError> {
    let delivery = Delivery::decode_unverified(body)?;
    Ok(handle(&delivery))
}

fn main() {
    let _ = receive;
}
