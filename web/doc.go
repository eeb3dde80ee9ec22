// Package web is yomu's polite HTTP client. It has one job: get one URL
// right. A Get sends the validators it is given (conditional GET), asks for
// compressed bodies and caps them after decompression, bounds the whole
// exchange by a timeout, follows a few redirects (http and https only) and
// tells when they were all permanent, waits in place for a short
// Retry-After, and keeps to a number of requests per host and overall.
//
// It imports nothing of yomu's: fetching feeds, full-text pages and
// discovery all go through the same Client.
package web
