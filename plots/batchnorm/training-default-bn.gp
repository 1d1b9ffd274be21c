# Update ratio and activation std over training, written by compare-inits.
# Re-render with `gnuplot training-default-bn.gp` in this folder (reads training-default-bn.dat).
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
set output 'training-default-bn.png'
set datafile missing '?'
set grid
set format y '%g'
set multiplot layout 1,2 title 'PyTorch default + BN, seed 1: what training does inside the network'
set key outside below center horizontal maxcols 4
set title 'Update ratio ||dW|| / ||W|| of each layer'
set xlabel 'Step (log scale)'
set ylabel 'Update ratio (log scale)'
set logscale xy
plot 'training-default-bn.dat' index 0 using 1:2 with linespoints linetype 1 pointtype 7 pointsize 0.5 title 'layer 1', \
     'training-default-bn.dat' index 1 using 1:2 with linespoints linetype 2 pointtype 7 pointsize 0.5 title 'layer 2', \
     'training-default-bn.dat' index 2 using 1:2 with linespoints linetype 3 pointtype 7 pointsize 0.5 title 'layer 3', \
     'training-default-bn.dat' index 3 using 1:2 with linespoints linetype 4 pointtype 7 pointsize 0.5 title 'layer 4', \
     'training-default-bn.dat' index 4 using 1:2 with linespoints linetype 5 pointtype 7 pointsize 0.5 title 'layer 5', \
     'training-default-bn.dat' index 5 using 1:2 with linespoints linetype 6 pointtype 7 pointsize 0.5 title 'layer 6', \
     'training-default-bn.dat' index 6 using 1:2 with linespoints linetype 7 pointtype 7 pointsize 0.5 title 'layer 7'
unset logscale x
set title 'Activation std by layer, light to dark over the steps'
set xlabel 'Layer'
set ylabel 'Activation std (log scale)'
set xrange [0.8:6.2]
set xtics 1
set palette defined (0 '#9AD0F0', 1 '#00204A')
unset colorbox
set autoscale y
plot 'training-default-bn.dat' index 7 using 1:2 with linespoints linecolor palette frac 0.0 dashtype 1 pointtype 7 pointsize 0.5 title 'step 0', \
     'training-default-bn.dat' index 8 using 1:2 with linespoints linecolor palette frac 0.09090909090909091 dashtype 1 pointtype 7 pointsize 0.5 title 'step 1', \
     'training-default-bn.dat' index 9 using 1:2 with linespoints linecolor palette frac 0.18181818181818182 dashtype 1 pointtype 7 pointsize 0.5 title 'step 2', \
     'training-default-bn.dat' index 10 using 1:2 with linespoints linecolor palette frac 0.2727272727272727 dashtype 1 pointtype 7 pointsize 0.5 title 'step 5', \
     'training-default-bn.dat' index 11 using 1:2 with linespoints linecolor palette frac 0.36363636363636365 dashtype 1 pointtype 7 pointsize 0.5 title 'step 10', \
     'training-default-bn.dat' index 12 using 1:2 with linespoints linecolor palette frac 0.45454545454545453 dashtype 1 pointtype 7 pointsize 0.5 title 'step 20', \
     'training-default-bn.dat' index 13 using 1:2 with linespoints linecolor palette frac 0.5454545454545454 dashtype 1 pointtype 7 pointsize 0.5 title 'step 50', \
     'training-default-bn.dat' index 14 using 1:2 with linespoints linecolor palette frac 0.6363636363636364 dashtype 1 pointtype 7 pointsize 0.5 title 'step 100', \
     'training-default-bn.dat' index 15 using 1:2 with linespoints linecolor palette frac 0.7272727272727273 dashtype 1 pointtype 7 pointsize 0.5 title 'step 200', \
     'training-default-bn.dat' index 16 using 1:2 with linespoints linecolor palette frac 0.8181818181818182 dashtype 1 pointtype 7 pointsize 0.5 title 'step 480', \
     'training-default-bn.dat' index 17 using 1:2 with linespoints linecolor palette frac 0.9090909090909091 dashtype 1 pointtype 7 pointsize 0.5 title 'step 500', \
     'training-default-bn.dat' index 18 using 1:2 with linespoints linecolor palette frac 1.0 dashtype 1 pointtype 7 pointsize 0.5 title 'step 960'
unset multiplot
