/** Sign-in and sign-out pages and the Jakarta Security configuration of the web application. */
package org.defensefund.tracker.accounts.web;
