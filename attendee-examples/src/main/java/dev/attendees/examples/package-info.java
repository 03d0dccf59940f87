/** Examples that the docs quote; CI compiles and runs them so that the docs cannot drift. */
package dev.attendees.examples;
