# Update ratio and activation std over training, written by compare-inits.
# Re-render with `gnuplot training-two-layers.gp` in this folder (reads training-two-layers.dat).
reset
set terminal pngcairo size 960,640 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'training-two-layers.png'
set datafile missing '?'
set grid
set format y '%g'
set multiplot layout 1,2 title '784-256-256-10, Xavier uniform, seed 1: what training does inside the network'
set key outside below center horizontal maxcols 4
set title 'Update ratio ||dW|| / ||W|| of each layer'
set xlabel 'Step (log scale)'
set ylabel 'Update ratio (log scale)'
set logscale xy
plot 'training-two-layers.dat' index 0 using 1:2 with linespoints linetype 1 pointtype 7 pointsize 0.5 title 'layer 1', \
     'training-two-layers.dat' index 1 using 1:2 with linespoints linetype 2 pointtype 7 pointsize 0.5 title 'layer 2', \
     'training-two-layers.dat' index 2 using 1:2 with linespoints linetype 3 pointtype 7 pointsize 0.5 title 'layer 3'
unset logscale x
set title 'Activation std by layer, light to dark over the steps'
set xlabel 'Layer'
set ylabel 'Activation std (log scale)'
set xrange [0.8:2.2]
set xtics 1
set palette defined (0 '#9AD0F0', 1 '#00204A')
unset colorbox
set autoscale y
plot 'training-two-layers.dat' index 3 using 1:2 with linespoints linecolor palette frac 0.0 dashtype 1 pointtype 7 pointsize 0.5 title 'step 0', \
     'training-two-layers.dat' index 4 using 1:2 with linespoints linecolor palette frac 0.041666666666666664 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 5 using 1:2 with linespoints linecolor palette frac 0.08333333333333333 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 6 using 1:2 with linespoints linecolor palette frac 0.125 dashtype 1 pointtype 7 pointsize 0.5 title 'step 5', \
     'training-two-layers.dat' index 7 using 1:2 with linespoints linecolor palette frac 0.16666666666666666 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 8 using 1:2 with linespoints linecolor palette frac 0.20833333333333334 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 9 using 1:2 with linespoints linecolor palette frac 0.25 dashtype 1 pointtype 7 pointsize 0.5 title 'step 50', \
     'training-two-layers.dat' index 10 using 1:2 with linespoints linecolor palette frac 0.2916666666666667 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 11 using 1:2 with linespoints linecolor palette frac 0.3333333333333333 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 12 using 1:2 with linespoints linecolor palette frac 0.375 dashtype 1 pointtype 7 pointsize 0.5 title 'step 480', \
     'training-two-layers.dat' index 13 using 1:2 with linespoints linecolor palette frac 0.4166666666666667 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 14 using 1:2 with linespoints linecolor palette frac 0.4583333333333333 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 15 using 1:2 with linespoints linecolor palette frac 0.5 dashtype 1 pointtype 7 pointsize 0.5 title 'step 1440', \
     'training-two-layers.dat' index 16 using 1:2 with linespoints linecolor palette frac 0.5416666666666666 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 17 using 1:2 with linespoints linecolor palette frac 0.5833333333333334 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 18 using 1:2 with linespoints linecolor palette frac 0.625 dashtype 1 pointtype 7 pointsize 0.5 title 'step 2880', \
     'training-two-layers.dat' index 19 using 1:2 with linespoints linecolor palette frac 0.6666666666666666 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 20 using 1:2 with linespoints linecolor palette frac 0.7083333333333334 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 21 using 1:2 with linespoints linecolor palette frac 0.75 dashtype 1 pointtype 7 pointsize 0.5 title 'step 4320', \
     'training-two-layers.dat' index 22 using 1:2 with linespoints linecolor palette frac 0.7916666666666666 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 23 using 1:2 with linespoints linecolor palette frac 0.8333333333333334 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 24 using 1:2 with linespoints linecolor palette frac 0.875 dashtype 1 pointtype 7 pointsize 0.5 title 'step 5760', \
     'training-two-layers.dat' index 25 using 1:2 with linespoints linecolor palette frac 0.9166666666666666 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 26 using 1:2 with linespoints linecolor palette frac 0.9583333333333334 dashtype 1 pointtype 7 pointsize 0.5 notitle, \
     'training-two-layers.dat' index 27 using 1:2 with linespoints linecolor palette frac 1.0 dashtype 1 pointtype 7 pointsize 0.5 title 'step 7200'
unset multiplot
