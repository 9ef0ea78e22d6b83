/** Not API, not published: the dashboard servlet in an embedded Jetty. */
package io.autotune.examples.web;
