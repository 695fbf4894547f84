/** The page each user lands on after sign-in, by role. */
package org.defensefund.tracker.home.web;
