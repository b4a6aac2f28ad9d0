"""Facilitator tools: schema export, reference docs, scaffold, preview, balance and HR import."""
