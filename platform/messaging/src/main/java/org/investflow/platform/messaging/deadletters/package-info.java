/** Dead letters made operable: listed with their reason and original coordinates, replayed to their topic, counted. */
package org.investflow.platform.messaging.deadletters;
